using System;
using System.Management.Automation;
using PinterestAds.Engine.Analytics;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// Synchronous analytics of an ad account, campaigns, ad groups, ads or product groups: one typed row
    /// per entity (and date), with exactly the requested columns.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinAnalytics", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = Infrastructure.HelpLinks.Pages + "Get-PinAnalytics.md")]
    [OutputType(typeof(AnalyticsRow))]
    public sealed class GetPinAnalyticsCommand : AnalyticsCmdlet
    {
        /// <summary>campaigns/analytics and ad_groups/analytics: one row for all the ids together.</summary>
        [Parameter]
        public SwitchParameter AggregateReportRows { get; set; }

        /// <summary>-Level Ad only: ads of these campaigns.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? CampaignId { get; set; }

        /// <summary>-Level Ad only: ads of these pins (at most 100).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string[]? PinId { get; set; }

        private protected override bool Targeting => false;

        private protected override void Describe(AnalyticsQuery query)
        {
            query.AggregateReportRows = AggregateReportRows.IsPresent ? true : (bool?)null;
            query.CampaignIds = CampaignId ?? Array.Empty<string>();
            query.PinIds = PinId ?? Array.Empty<string>();
        }
    }
}
