using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Api
{
    /// <summary>
    /// Every behavioural limit of the API that the description does not express as a schema constraint,
    /// in one table (limits change over time: sync analytics once allowed 186-day spans, now 90).
    /// Schema constraints (enums, maxItems, patterns) are read from <see cref="ApiCatalog"/> instead.
    /// </summary>
    internal static class ApiLimits
    {
        /// <summary>How far back and how long a date range may be, for one kind of request.</summary>
        public readonly struct DateWindow
        {
            public DateWindow(int lookbackDays, int maxSpanDays)
            {
                LookbackDays = lookbackDays;
                MaxSpanDays = maxSpanDays;
            }

            /// <summary>The start date may be at most this many days before today (UTC).</summary>
            public int LookbackDays { get; }

            /// <summary>End minus start plus one may be at most this many days.</summary>
            public int MaxSpanDays { get; }
        }

        /// <summary>A window whose end date may be at most <paramref name="daysAfterStart"/> days after its start date.</summary>
        public static DateWindow EndWithinDaysOfStart(int lookbackDays, int daysAfterStart) => new DateWindow(lookbackDays, daysAfterStart + 1);

        /// <summary>
        /// Sync analytics: start_date "cannot be more than 90 days back from today", end_date "cannot be more
        /// than 90 days past start_date" (query_start_date / query_end_date): end_date &lt;= start_date + 90,
        /// so one call covers up to 91 calendar days.
        /// </summary>
        public static readonly DateWindow SyncAnalytics = EndWithinDaysOfStart(lookbackDays: 90, daysAfterStart: 90);

        /// <summary>Sync analytics at HOUR (campaigns, ad groups, ads, product groups, targeting, pins): 8 days back, a range of at most 3 days.</summary>
        public static readonly DateWindow SyncAnalyticsHourly = new DateWindow(lookbackDays: 8, maxSpanDays: 3);

        /// <summary>
        /// ad_account/analytics at HOUR: the description gives only "up to 8 days before the current date" (no
        /// 3-day range, which it states for every other level), so only end_date's 90-days-past-start rule applies.
        /// </summary>
        public static readonly DateWindow SyncAnalyticsHourlyAdAccount = EndWithinDaysOfStart(lookbackDays: 8, daysAfterStart: 90);

        /// <summary>The sync window of one analytics operation at one granularity (API spellings).</summary>
        public static DateWindow SyncWindow(string operationId, bool hourly) =>
            !hourly ? SyncAnalytics
            : string.Equals(operationId, "ad_account/analytics", StringComparison.Ordinal) ? SyncAnalyticsHourlyAdAccount
            : SyncAnalyticsHourly;

        public static readonly DateWindow AsyncReport = new DateWindow(lookbackDays: 914, maxSpanDays: 186);
        public static readonly DateWindow AsyncReportHourly = new DateWindow(lookbackDays: 8, maxSpanDays: 3);
        public static readonly DateWindow AsyncReportProductItem = new DateWindow(lookbackDays: 92, maxSpanDays: 31);

        /// <summary>
        /// Template reports (analytics/create_template_report): start_date "cannot be more than 2.5 years back
        /// from today", end_date "cannot be more than 2.5 years past start date" (query_start_date_async,
        /// query_end_date_async), in calendar months. The description states no other window for them (not the
        /// custom report's 914 days and 186-day span, nor an HOUR or PRODUCT_ITEM window).
        /// </summary>
        public const int TemplateReportLookbackMonths = 30;
        public const int TemplateReportMaxMonthsAfterStart = 30;

        /// <summary>Ids per id list in one sync analytics call (campaign_ids, ad_group_ids, ad_ids, product_group_ids).</summary>
        public const int SyncIdsPerCall = 250;

        /// <summary>
        /// Conversions settle 24 to 48 hours after the action: only dates this many days before today (UTC)
        /// or later can still have metrics that are not final, so only those are checked for readiness.
        /// </summary>
        public const int MetricsSettleDays = 2;

        /// <summary>
        /// Async targeting types the description allows at one level only (TargetingTypeFilter.targeting_types:
        /// "AUDIENCE_MULTIPLIER is only available in CAMPAIGN_TARGETING level. MEDIA_TYPE is only available in
        /// PRODUCT_ITEM_TARGETING level"). Sync targeting analytics need no such rule: each operation's enum
        /// already lists only its own types.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> AsyncTargetingTypeOnlyAtLevel = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AUDIENCE_MULTIPLIER"] = "CAMPAIGN_TARGETING",
            ["MEDIA_TYPE"] = "PRODUCT_ITEM_TARGETING",
        };

        /// <summary>Ids per id list in one async report body.</summary>
        public const int AsyncIdsPerReport = 500;

        public const int MinPageSize = 1;
        public const int MaxPageSize = 250;
        public const int DefaultPageSize = 25;

        /// <summary>Download links of finished reports are valid for this long.</summary>
        public static readonly TimeSpan ReportLinkLifetime = TimeSpan.FromMinutes(5);

        /// <summary>Finished reports can be fetched for this long.</summary>
        public static readonly TimeSpan ReportLifetime = TimeSpan.FromHours(1);

        /// <summary>Documented budgets per user and app on Standard access, per minute.</summary>
        public const int AdsAnalyticsPerMinute = 300;
        public const int AdsReadPerMinute = 1000;
        public const int OverallPerSecond = 100;

        /// <summary>The documented per-minute budget of an <c>x-ratelimit-category</c> (ads_read's for any other).</summary>
        public static int DocumentedPerMinute(string category) =>
            string.Equals(category, "ads_analytics", StringComparison.OrdinalIgnoreCase) ? AdsAnalyticsPerMinute : AdsReadPerMinute;

        /// <summary>Access tokens live 30 days, refresh tokens 60 (renewed on each refresh).</summary>
        public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromDays(30);
        public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(60);

        /// <summary>Warn when the refresh token is this close to expiry.</summary>
        public static readonly TimeSpan RefreshTokenWarning = TimeSpan.FromDays(7);

        /// <summary>Refresh the access token this long before it expires.</summary>
        public static readonly TimeSpan AccessTokenRefreshMargin = TimeSpan.FromMinutes(5);
        // ---- Caps on what a server may send (every byte from the network is hostile). Each cap, when hit,
        // is an error whose id and message name it; about_PinterestAds lists them.

        /// <summary>Largest body (after transport decompression) of a <c>POST /oauth/token</c> answer.</summary>
        public const long MaxTokenResponseBytes = 1L * 1024 * 1024;

        /// <summary>Largest body (after decompression) of a sync analytics answer (up to 250 ids x 90 days x every column).</summary>
        public const long MaxAnalyticsResponseBytes = 512L * 1024 * 1024;

        /// <summary>Largest body (after decompression) of any other API answer: listings, statuses, resources.</summary>
        public const long MaxApiResponseBytes = 64L * 1024 * 1024;

        /// <summary>Largest report or bulk file downloaded when Pinterest states no size (the stated size is the cap otherwise).</summary>
        public const long MaxDownloadBytesWithoutSize = 4L * 1024 * 1024 * 1024;

        /// <summary>A gzip file may unpack to at most this many times its size, plus <see cref="DecompressedAllowanceBytes"/> (a gzip bomb stops here).</summary>
        public const int MaxDecompressionRatio = 64;

        public const long DecompressedAllowanceBytes = 256L * 1024 * 1024;

        /// <summary>Largest single CSV record or JSON token of a report file, for the download's shape check and the reader alike (memory guard).</summary>
        public const int MaxReportRecordBytes = 16 * 1024 * 1024;

        /// <summary>Pages in a row with no items but a new bookmark before a listing is abandoned (endless paging).</summary>
        public const int MaxEmptyPagesInARow = 5;

        /// <summary>Blank lines in a row a CSV report may hold before it is refused (real reports have none).</summary>
        public const int MaxBlankLinesInARow = 1000;

        /// <summary>Longest server-advertised wait understood at all; anything longer (1e300 s) is read as this, which is beyond every wait cap.</summary>
        public static readonly TimeSpan LongestAdvertisedDelay = TimeSpan.FromDays(7);

        /// <summary>Attempts at one report download (a connection reset mid-body is retried, with a fresh link when needed).</summary>
        public const int MaxDownloadAttempts = 3;
    }
}
