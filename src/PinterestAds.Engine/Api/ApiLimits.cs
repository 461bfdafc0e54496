using System;

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

        public static readonly DateWindow SyncAnalytics = new DateWindow(lookbackDays: 90, maxSpanDays: 90);
        public static readonly DateWindow SyncAnalyticsHourly = new DateWindow(lookbackDays: 8, maxSpanDays: 3);
        public static readonly DateWindow AsyncReport = new DateWindow(lookbackDays: 914, maxSpanDays: 186);
        public static readonly DateWindow AsyncReportHourly = new DateWindow(lookbackDays: 8, maxSpanDays: 3);
        public static readonly DateWindow AsyncReportProductItem = new DateWindow(lookbackDays: 92, maxSpanDays: 31);

        /// <summary>Ids per id list in one sync analytics call (campaign_ids, ad_group_ids, ad_ids, product_group_ids).</summary>
        public const int SyncIdsPerCall = 250;

        /// <summary>
        /// Conversions settle 24 to 48 hours after the action: only dates this many days before today (UTC)
        /// or later can still have metrics that are not final, so only those are checked for readiness.
        /// </summary>
        public const int MetricsSettleDays = 2;

        /// <summary>Ids per id list in one async report body.</summary>
        public const int AsyncIdsPerReport = 500;

        /// <summary>Digits in an id (pattern ^\d+$).</summary>
        public const int MaxIdLength = 18;

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
    }
}
