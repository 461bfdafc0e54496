using System;
using System.Linq;
using System.Management.Automation;
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
    [Cmdlet(VerbsCommon.New, "PinMmmReport", SupportsShouldProcess = true)]
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
        public string? Name { get; set; }

        [Parameter(Mandatory = true)]
        public DateTime StartDate { get; set; }

        /// <summary>Defaults to today (UTC).</summary>
        [Parameter]
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
            try
            {
                DateTime end = MyInvocation.BoundParameters.ContainsKey(nameof(EndDate)) ? EndDate : DateTime.UtcNow.Date;
                var spec = new MmmReportSpec(ResolveAdAccountId(session, AdAccountId), Name!, StartDate, end, Level, Granularity,
                    Split(TargetingType), Split(Column), Country == null ? null : Split(Country));
                string what = $"Create MMM report '{spec.ReportName}' ({spec.ApiLevel}, {spec.ApiGranularity}, " +
                    $"{string.Join(", ", spec.TargetingTypes)}) for {spec.StartDate:yyyy-MM-dd}..{spec.EndDate:yyyy-MM-dd}";
                if (!ShouldProcess($"ad account {spec.AdAccountId}", what)) return;
                WriteObject(Pump(async (pump, ct) => await MmmReports.CreateAsync(session, spec, pump, ct).ConfigureAwait(false)));
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteFailure(ex, AdAccountId);
            }
        }

        private static string[] Split(string[]? values) =>
            (values ?? Array.Empty<string>()).SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
    }
}
