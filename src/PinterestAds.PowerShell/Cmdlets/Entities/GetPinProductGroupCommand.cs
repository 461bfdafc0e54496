using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>Lists product group promotions of an ad account, optionally of some ad groups only.</summary>
    [Cmdlet(VerbsCommon.Get, "PinProductGroup")]
    [OutputType(typeof(PinProductGroup))]
    public sealed class GetPinProductGroupCommand : EntityListCmdlet<PinProductGroup>
    {
        /// <summary>Only these product group promotions.</summary>
        [Parameter(Position = 0)]
        [Alias("ProductGroupId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only promotions in these ad groups; binds from piped ad groups.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? AdGroupId { get; set; }

        private protected override IReadOnlyList<string>? ParentIds => AdGroupId;
        private protected override string ParentParameter => nameof(AdGroupId);
        private protected override Engine.Api.ApiSchemaFacts? ParentIdFacts => Ids.Facts("product_group_promotions/list", "ad_group_id");

        private protected override void Describe(EntityFilter filter, string parentParameter, IReadOnlyList<string> parentIds)
        {
            filter.Ids = Ids.RequireAll(nameof(Id), Id, Ids.Facts("product_group_promotions/list", "product_group_promotion_ids"));
            filter.AdGroupIds = parentIds;
        }

        private protected override IAsyncEnumerable<PinProductGroup> List(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            EntityQueries.ProductGroups(api, adAccountId, filter, log, ct);
    }
}
