using System.Management.Automation;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// The parameters that say what an analytics row holds, declared once for every cmdlet that pulls
    /// analytics rows (Get-PinAnalytics, Get-PinTargetingAnalytics, Sync-PinAnalytics): the columns, the
    /// granularity and the attribution settings. Levels, ids and dates differ between them and stay theirs.
    /// </summary>
    public abstract class AnalyticsColumnsCmdlet : PinApiCmdlet
    {
        /// <summary>Columns (API names, wildcards or Ads Manager display names), in output order.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(ColumnCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Column { get; set; } = null!;

        /// <summary>Row granularity; Day by default (the same default as the report cmdlets).</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(Granularity))]
        public Granularity Granularity { get; set; } = Granularity.Day;

        /// <summary>Click attribution window in days (0, 1, 7, 14, 30, 60; the API's default is 30).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(AttributionWindowCompleter))]
        public int? ClickWindowDays { get; set; }

        /// <summary>Engagement attribution window in days (0, 1, 7, 14, 30, 60; the API's default is 30).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(AttributionWindowCompleter))]
        public int? EngagementWindowDays { get; set; }

        /// <summary>View attribution window in days (0, 1, 7, 14, 30, 60; the API's default is 1).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(AttributionWindowCompleter))]
        public int? ViewWindowDays { get; set; }

        [Parameter]
        [ApiEnumArgumentTransformation(typeof(ConversionReportTime))]
        public ConversionReportTime? ConversionReportTime { get; set; }
    }
}
