using System;
using System.Collections.Generic;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// THE row shape of analytics, whichever path (sync endpoints or async reports) produced the row:
    /// <c>AdAccountId</c>, <c>Currency</c>, <c>Level</c>, the entity id column, <c>DATE</c> (not for TOTAL; at
    /// HOUR it carries the hour), <c>TargetingType</c>, <c>TargetingValue</c>, <c>TargetingName</c> (targeting
    /// only), then the requested columns in the requested order. Missing metrics are null unless zero-fill.
    /// </summary>
    internal static class AnalyticsRowShape
    {
        /// <summary>Ordinal of the first column the data fills (after AdAccountId, Currency and Level).</summary>
        public const int FirstDataOrdinal = 3;

        /// <summary>The rows' Level value (the sync API's spelling: AD_ACCOUNT, CAMPAIGN, AD_GROUP, AD, PRODUCT_GROUP).</summary>
        public static string LevelName(AnalyticsLevel level) => ApiNames.ToApi(level);

        /// <summary>The entity id column of a level's rows (AD_ACCOUNT_ID, CAMPAIGN_ID, AD_GROUP_ID, AD_ID, PRODUCT_GROUP_ID).</summary>
        public static string EntityIdColumn(AnalyticsLevel level) => EntityIdColumns.ForLevel(LevelName(level));

        public static RowSchema SchemaFor(AnalyticsLevel level, bool targeting, Granularity granularity, IEnumerable<string> columns) =>
            RowSchema.ForAnalytics(EntityIdColumn(level), granularity != Granularity.Total, targeting, columns, hourly: granularity == Granularity.Hour);

        public static RowSchema SchemaFor(AnalyticsPlan plan) =>
            SchemaFor(plan.Query.Level, plan.Operation.IsTargeting, plan.Query.Granularity, plan.Columns);
    }
}
