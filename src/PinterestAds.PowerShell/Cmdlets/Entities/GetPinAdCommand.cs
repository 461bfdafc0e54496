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

        /// <summary>
        /// Only ads of these campaigns; binds from piped campaigns (piped ad groups filter by ad group instead).
        /// Given on the command line together with -AdGroupId, both filters are sent (ads in those ad groups and campaigns).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? CampaignId { get; set; }

        // -CampaignId typed on the command line (not bound from a piped object), captured before any record.
        private string[]? _commandLineCampaignIds;

        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(CampaignId))) _commandLineCampaignIds = CampaignId;
        }

        // An ad group is inside its campaign, so when both are bound the ad group is the parent filter; a
        // command-line -CampaignId is sent with it (the API combines both), one piped with each ad group is not.
        private protected override IReadOnlyList<string>? ParentIds => AdGroupId ?? CampaignId;
        private protected override string ParentParameter => AdGroupId != null ? nameof(AdGroupId) : nameof(CampaignId);

        private protected override void Describe(EntityFilter filter, string parentParameter, IReadOnlyList<string> parentIds)
        {
            filter.Ids = Ids.RequireAll(nameof(Id), Id, Ids.Facts("ads/list", "ad_ids"));
            if (parentParameter == nameof(AdGroupId))
            {
                filter.AdGroupIds = parentIds;
                var campaignFacts = Ids.Facts("ads/list", "campaign_ids");
                filter.CampaignIds = Ids.RequireAll(nameof(CampaignId), _commandLineCampaignIds, campaignFacts);
                int max = campaignFacts.MaxItems ?? Engine.Api.ApiLimits.SyncIdsPerCall;
                if (filter.CampaignIds.Count > max)
                    throw new PinterestValidationException(ErrorIds.TooManyIds, nameof(CampaignId),
                        $"-CampaignId has {filter.CampaignIds.Count} ids; together with -AdGroupId, ads/list takes at most {max} campaign ids. Give fewer campaigns, or leave -CampaignId out (the ad groups already narrow the list).");
            }
            else filter.CampaignIds = parentIds;
        }

        private protected override IAsyncEnumerable<PinAd> List(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            EntityQueries.Ads(api, adAccountId, filter, log, ct);
    }
}
