using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>Lists ad groups of an ad account, optionally of some campaigns only.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAdGroup")]
    [OutputType(typeof(PinAdGroup))]
    public sealed class GetPinAdGroupCommand : EntityListCmdlet<PinAdGroup>
    {
        /// <summary>Only these ad groups.</summary>
        [Parameter(Position = 0)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only ad groups of these campaigns; binds from piped campaigns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? CampaignId { get; set; }

        /// <summary>Show interest targeting by name instead of id.</summary>
        [Parameter]
        public SwitchParameter TranslateInterestsToNames { get; set; }

        private protected override IReadOnlyList<string>? ParentIds => CampaignId;
        private protected override string ParentParameter => nameof(CampaignId);
        private protected override Engine.Api.ApiSchemaFacts? ParentIdFacts => Ids.Facts("ad_groups/list", "campaign_ids");

        private protected override void Describe(EntityFilter filter, string parentParameter, IReadOnlyList<string> parentIds)
        {
            filter.Ids = Ids.RequireAll(nameof(Id), Id, Ids.Facts("ad_groups/list", "ad_group_ids"));
            filter.CampaignIds = parentIds;
            filter.TranslateInterestsToNames = TranslateInterestsToNames ? true : (bool?)null;
        }

        private protected override IAsyncEnumerable<PinAdGroup> List(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            EntityQueries.AdGroups(api, adAccountId, filter, log, ct);
    }
}
