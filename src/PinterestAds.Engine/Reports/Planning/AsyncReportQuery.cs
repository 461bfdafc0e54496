using System;
using PinterestAds.Engine.Api;
using System.Collections.Generic;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// A custom async report as the user asked for it: every field of <c>AdsAnalyticsCreateAsyncRequest</c>.
    /// Lists hold API spellings or PowerShell spellings (either works; <see cref="ReportRequestPlanner"/>
    /// normalizes and validates them). Ids lists may be longer than one report allows; the planner splits.
    /// </summary>
    internal sealed class AsyncReportQuery
    {
        public string AdAccountId { get; set; } = "";
        public ReportLevel Level { get; set; } = ReportLevel.Campaign;
        public DateTime StartDate { get; set; }
        public DateTime EndDate { get; set; }

        /// <summary>The UTC date the query is asked on (the session's clock); the lookback counts from it. Defaults to the system clock's date.</summary>
        public DateTime Today { get; set; } = ApiDates.Today(TimeProvider.System);
        public Granularity Granularity { get; set; } = Granularity.Day;
        public IReadOnlyList<string> Columns { get; set; } = Array.Empty<string>();
        public ReportFormat Format { get; set; } = ReportFormat.Json;

        public IReadOnlyList<string>? CampaignIds { get; set; }
        public IReadOnlyList<string>? AdGroupIds { get; set; }
        public IReadOnlyList<string>? AdIds { get; set; }
        public IReadOnlyList<string>? ProductGroupIds { get; set; }
        public IReadOnlyList<string>? ProductItemIds { get; set; }

        public IReadOnlyList<string>? CampaignStatuses { get; set; }
        public IReadOnlyList<string>? AdGroupStatuses { get; set; }
        public IReadOnlyList<string>? AdStatuses { get; set; }
        public IReadOnlyList<string>? ProductGroupStatuses { get; set; }
        public IReadOnlyList<string>? CampaignObjectiveTypes { get; set; }
        public IReadOnlyList<string>? TargetingTypes { get; set; }
        public bool? CombineTargetingTypes { get; set; }
        public string? CampaignBrandLabel { get; set; }

        public IReadOnlyList<ReportMetricsFilter>? MetricsFilters { get; set; }
        public IReadOnlyList<CustomConversionEventMetric>? CustomConversionEventMetrics { get; set; }

        public int? ClickWindowDays { get; set; }
        public int? EngagementWindowDays { get; set; }
        public int? ViewWindowDays { get; set; }
        public IReadOnlyList<AttributionType>? AttributionTypes { get; set; }
        public ConversionReportTime? ConversionReportTime { get; set; }
        public int? StartHour { get; set; }
        public int? EndHour { get; set; }
        public ReportSort? PrimarySort { get; set; }
        public ReportingTimeZone? ReportingTimeZone { get; set; }

        /// <summary>The metric catalogue for Ads Manager display names in <see cref="Columns"/> (null: API names and wildcards only).</summary>
        public IReadOnlyList<Analytics.MetricName>? MetricNames { get; set; }

        /// <summary>Columns requested too but not shown (the ingredients of ratios re-aggregated across parts).</summary>
        public IReadOnlyList<string>? HiddenColumns { get; set; }

        /// <summary>The caller re-aggregates TOTAL rows across date parts; without it a TOTAL beyond one report is refused.</summary>
        public bool MergesTotalParts { get; set; }
    }
}
