using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>Lists the campaigns of an ad account, optionally only some ids or statuses.</summary>
    [Cmdlet(VerbsCommon.Get, "PinCampaign")]
    [OutputType(typeof(PinCampaign))]
    public sealed class GetPinCampaignCommand : EntityListCmdlet<PinCampaign>
    {
        /// <summary>Only these campaigns (any number; listed 250 at a time).</summary>
        [Parameter(Position = 0)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        private protected override void Describe(EntityFilter filter, string parentParameter, IReadOnlyList<string> parentIds) =>
            filter.Ids = Ids.RequireAll(nameof(Id), Id, Ids.Facts("campaigns/list", "campaign_ids"));

        private protected override IAsyncEnumerable<PinCampaign> List(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            EntityQueries.Campaigns(api, adAccountId, filter, log, ct);
    }
}
