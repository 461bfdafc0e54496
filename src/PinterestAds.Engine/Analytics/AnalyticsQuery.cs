using System;
using PinterestAds.Engine.Api;
using System.Collections.Generic;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// What the user asked for, before planning: one ad account, one level, any number of ids,
    /// columns and targeting types, any date range. The planner checks it against the API's
    /// limits and splits it into calls.
    /// </summary>
    internal sealed class AnalyticsQuery
    {
        public string AdAccountId { get; set; } = "";
        public AnalyticsLevel Level { get; set; } = AnalyticsLevel.Campaign;

        /// <summary>Targeting analytics (rows per targeting value) instead of plain sync analytics.</summary>
        public bool Targeting { get; set; }

        /// <summary>The level's own ids (campaign ids for CAMPAIGN, ...); none for the ad account level.</summary>
        public IReadOnlyList<string> Ids { get; set; } = Array.Empty<string>();

        /// <summary>ads/analytics only: filter by campaigns.</summary>
        public IReadOnlyList<string> CampaignIds { get; set; } = Array.Empty<string>();

        /// <summary>ads/analytics only: filter by pins.</summary>
        public IReadOnlyList<string> PinIds { get; set; } = Array.Empty<string>();

        public DateTime StartDate { get; set; }
        public DateTime EndDate { get; set; }

        /// <summary>
        /// The UTC date the query is asked on: the session's clock (<c>ApiDates.Today(session.Time)</c>); lookback,
        /// "ends today" and readiness count from it. Defaults to the system clock's date for a query made without a session.
        /// </summary>
        public DateTime Today { get; set; } = ApiDates.Today(TimeProvider.System);

        /// <summary>Column names as the user gave them (API names, display names or wildcards).</summary>
        public IReadOnlyList<string> Columns { get; set; } = Array.Empty<string>();

        /// <summary>The same default on both paths: DAY rows, which every split keeps exact.</summary>
        public Granularity Granularity { get; set; } = Granularity.Day;

        /// <summary>Which path answers: Auto (sync inside its limits, async beyond), Sync or Async.</summary>
        public AnalyticsMode Mode { get; set; } = AnalyticsMode.Auto;

        /// <summary>The session's environment: the sandbox has no async reports, so Auto never chooses them there.</summary>
        public PinEnvironment Environment { get; set; } = PinEnvironment.Production;

        /// <summary>Async path: give up waiting for the reports after this long.</summary>
        public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromHours(1);
        public int? ClickWindowDays { get; set; }
        public int? EngagementWindowDays { get; set; }
        public int? ViewWindowDays { get; set; }
        public ConversionReportTime? ConversionReportTime { get; set; }
        public ReportingTimeZone? ReportingTimeZone { get; set; }

        /// <summary>campaigns/analytics and ad_groups/analytics: one row for all ids together.</summary>
        public bool? AggregateReportRows { get; set; }

        public IReadOnlyList<AnalyticsTargetingType> TargetingTypes { get; set; } = Array.Empty<AnalyticsTargetingType>();
        public IReadOnlyList<AttributionType> AttributionTypes { get; set; } = Array.Empty<AttributionType>();

        /// <summary>Trim a start date beyond the lookback instead of failing (with a warning).</summary>
        public bool ClampToAvailable { get; set; }

        /// <summary>Missing metrics become 0 instead of null.</summary>
        public bool ZeroFill { get; set; }

        /// <summary>Fail when metrics of a requested date are not final yet.</summary>
        public bool RequireFinalMetrics { get; set; }

        /// <summary>Skip the metrics readiness check (and its warning) entirely.</summary>
        public bool SkipFreshnessCheck { get; set; }

        /// <summary>Resolve targeting values to names (targeting analytics only).</summary>
        public bool ResolveTargetingNames { get; set; } = true;

        /// <summary>How many calls may be in flight at once.</summary>
        public int ThrottleLimit { get; set; } = AnalyticsDefaults.ThrottleLimit;
    }

    internal static class AnalyticsDefaults
    {
        /// <summary>Calls in flight at once unless -ThrottleLimit says otherwise; the session's rate budget still applies.</summary>
        public const int ThrottleLimit = 4;

        /// <summary>The largest -ThrottleLimit accepted (the overall budget is 100 requests per second).</summary>
        public const int MaxThrottleLimit = 32;
    }
}
