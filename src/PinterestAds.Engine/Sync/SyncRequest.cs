using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Sync
{
    /// <summary>A run as the cmdlet received it: the definition's raw parts, the accounts, the dates.</summary>
    internal sealed class SyncRequest
    {
        public AnalyticsLevel Level { get; set; } = AnalyticsLevel.AdAccount;
        public IReadOnlyList<string> Columns { get; set; } = Array.Empty<string>();
        public Granularity Granularity { get; set; } = Granularity.Day;
        public IReadOnlyList<AnalyticsTargetingType> TargetingTypes { get; set; } = Array.Empty<AnalyticsTargetingType>();
        public int? ClickWindowDays { get; set; }
        public int? EngagementWindowDays { get; set; }
        public int? ViewWindowDays { get; set; }
        public ConversionReportTime? ConversionReportTime { get; set; }

        /// <summary>Accounts given or piped; empty means every account the token can read.</summary>
        public IReadOnlyList<string> AdAccountIds { get; set; } = Array.Empty<string>();

        /// <summary>Where the first run starts (null: as far back as synchronous analytics reach).</summary>
        public DateTime? StartDate { get; set; }

        /// <summary>The last day synced (null: yesterday, UTC).</summary>
        public DateTime? EndDate { get; set; }

        /// <summary>-RestateDays (null: the definition's longest attribution window).</summary>
        public int? RestateDays { get; set; }
    }
}
