using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>Lists ads of an ad account, optionally of some ad groups or campaigns only.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAd", HelpUri = Infrastructure.HelpLinks.Pages + "Get-PinAd.md")]
    [OutputType(typeof(PinAd))]
    public sealed class GetPinAdCommand : EntityListCmdlet<PinAd>
    {
        /// <summary>Only these ads.</summary>
        [Parameter(Position = 0)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Only ads of these ad groups; binds from piped ad groups.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? AdGroupId { get; set; }

        /// <summary>Only ads of these campaigns; binds from piped campaigns (piped ad groups filter by ad group instead).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? CampaignId { get; set; }

        // An ad group is inside its campaign, so when both are bound the ad group is the narrower filter.
        private protected override IReadOnlyList<string>? ParentIds => AdGroupId ?? CampaignId;
        private protected override string ParentParameter => AdGroupId != null ? nameof(AdGroupId) : nameof(CampaignId);

        private protected override void Describe(EntityFilter filter, string parentParameter, IReadOnlyList<string> parentIds)
        {
            filter.Ids = Ids.RequireAll(nameof(Id), Id);
            if (parentParameter == nameof(AdGroupId)) filter.AdGroupIds = parentIds;
            else filter.CampaignIds = parentIds;
        }

        private protected override IAsyncEnumerable<PinAd> List(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            EntityQueries.Ads(api, adAccountId, filter, log, ct);
    }
}
