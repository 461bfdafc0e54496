using System;
using System.Management.Automation;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Requests a Marketing Mix Modeling report (<c>POST /ad_accounts/{id}/mmm_reports</c>): campaign or ad
    /// group metrics broken down by targeting types, daily or weekly. Returns a job of kind Mmm that
    /// Wait-PinReport and Receive-PinReport handle like any report. Pinterest allows 5 of these a minute
    /// per advertiser while the endpoint is in beta; a 429 beyond that is retried after the stated delay.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PinMmmReport", SupportsShouldProcess = true, HelpUri = Infrastructure.HelpLinks.Pages + "New-PinMmmReport.md")]
    [OutputType(typeof(ReportJob))]
    public sealed class NewPinMmmReportCommand : PinApiCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>The report's name (<c>report_name</c>).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime StartDate { get; set; }

        /// <summary>Defaults to today (UTC).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime EndDate { get; set; }

        /// <summary>CampaignTargeting (CAMPAIGN_TARGETING, the default) or AdGroupTargeting (AD_GROUP_TARGETING).</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(MmmLevel))]
        public MmmLevel Level { get; set; } = MmmLevel.CampaignTargeting;

        [Parameter]
        [ApiEnumArgumentTransformation(typeof(MmmGranularity))]
        public MmmGranularity Granularity { get; set; } = MmmGranularity.Day;

        /// <summary>1 to 5 of APPTYPE, COUNTRY, CREATIVE_TYPE, GENDER, LOCATION.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(MmmReportValueCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? TargetingType { get; set; }

        /// <summary>MMM columns (SPEND_IN_DOLLAR, TOTAL_IMPRESSION, CAMPAIGN_ID, ...).</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(MmmReportValueCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Column { get; set; }

        /// <summary>Only delivery in these advertiser countries (ISO codes such as US, DE).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(MmmReportValueCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Country { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            RunItem(AdAccountId, () =>
            {
                DateTime end = MyInvocation.BoundParameters.ContainsKey(nameof(EndDate)) ? EndDate : ApiDates.Today(session.Time);
                var spec = new MmmReportQuery(ResolveAdAccountId(session, AdAccountId), Name!, StartDate, end, Level, Granularity,
                    ListArguments.SplitCommasOrEmpty(TargetingType), ListArguments.SplitCommasOrEmpty(Column), ListArguments.SplitCommas(Country));
                string what = $"Create MMM report '{spec.ReportName}' ({spec.ApiLevel}, {spec.ApiGranularity}, " +
                    $"{string.Join(", ", spec.TargetingTypes)}) for {spec.StartDate:yyyy-MM-dd}..{spec.EndDate:yyyy-MM-dd}";
                if (!ShouldProcess($"ad account {spec.AdAccountId}", what)) return;
                WriteObject(Pump(async (pump, ct) => await MmmReports.CreateAsync(session, spec, pump, ct).ConfigureAwait(false)));
            });
        }
    }
}
