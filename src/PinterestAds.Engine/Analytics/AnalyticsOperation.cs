using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Which operation serves a level, which query parameter carries its ids and which column
    /// identifies the entity in its rows. Everything else (enums, maxItems, optional parameters)
    /// is read from <see cref="ApiCatalog"/>.
    /// </summary>
    internal sealed class AnalyticsOperation
    {
        private static readonly Dictionary<AnalyticsLevel, AnalyticsOperation> Sync = new()
        {
            [AnalyticsLevel.AdAccount] = new(AnalyticsLevel.AdAccount, "ad_account/analytics", null, false),
            [AnalyticsLevel.Campaign] = new(AnalyticsLevel.Campaign, "campaigns/analytics", "campaign_ids", false),
            [AnalyticsLevel.AdGroup] = new(AnalyticsLevel.AdGroup, "ad_groups/analytics", "ad_group_ids", false),
            [AnalyticsLevel.Ad] = new(AnalyticsLevel.Ad, "ads/analytics", "ad_ids", false),
            [AnalyticsLevel.ProductGroup] = new(AnalyticsLevel.ProductGroup, "product_groups/analytics", "product_group_ids", false),
            [AnalyticsLevel.Pin] = new(AnalyticsLevel.Pin, "ad_pins/analytics", "pin_ids", false),
        };

        private static readonly Dictionary<AnalyticsLevel, AnalyticsOperation> Targeting = new()
        {
            [AnalyticsLevel.AdAccount] = new(AnalyticsLevel.AdAccount, "ad_account_targeting_analytics/get", null, true),
            [AnalyticsLevel.Campaign] = new(AnalyticsLevel.Campaign, "campaign_targeting_analytics/get", "campaign_ids", true),
            [AnalyticsLevel.AdGroup] = new(AnalyticsLevel.AdGroup, "ad_groups_targeting_analytics/get", "ad_group_ids", true),
            [AnalyticsLevel.Ad] = new(AnalyticsLevel.Ad, "ad_targeting_analytics/get", "ad_ids", true),
        };

        private AnalyticsOperation(AnalyticsLevel level, string operationId, string? idParameter, bool isTargeting)
        {
            Level = level;
            Api = ApiCatalog.Current.Operation(operationId);
            IdParameter = idParameter;
            IsTargeting = isTargeting;
            ApiLevel = ApiNames.ToApi(level);
            EntityIdColumn = EntityIdColumns.ForLevel(ApiLevel);
            Columns = Api.Parameter("columns").AllowedValues ?? Array.Empty<string>();
            TargetingTypes = Api.Parameters.TryGetValue("targeting_types", out var types) ? types.AllowedValues ?? Array.Empty<string>() : Array.Empty<string>();
        }

        public AnalyticsLevel Level { get; }

        /// <summary>The level as the API spells it (CAMPAIGN, AD_GROUP, ...), the rows' Level value.</summary>
        public string ApiLevel { get; }

        public ApiOperation Api { get; }

        public string Id => Api.Id;

        /// <summary>The query parameter carrying the entity ids (null for the ad account level).</summary>
        public string? IdParameter { get; }

        public bool IsTargeting { get; }

        /// <summary>The id column of the rows (CAMPAIGN_ID, ...).</summary>
        public string EntityIdColumn { get; }

        /// <summary>The description's enum for <c>columns</c>, in its order.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The description's enum for <c>targeting_types</c> (empty for sync operations).</summary>
        public IReadOnlyList<string> TargetingTypes { get; }

        /// <summary>How many values an array parameter takes in one call (its maxItems), or null when unbounded.</summary>
        public int? MaxItems(string parameter) =>
            Api.Parameters.TryGetValue(parameter, out var p) ? p.MaxItems : null;

        public bool Accepts(string parameter) => Api.Parameters.ContainsKey(parameter);

        public static AnalyticsOperation For(AnalyticsLevel level, bool targeting)
        {
            var table = targeting ? Targeting : Sync;
            if (table.TryGetValue(level, out var operation)) return operation;
            string valid = string.Join(", ", table.Keys);
            throw new PinterestValidationException(ErrorIds.LevelNotSupported, "Level",
                $"-Level {level} has no {(targeting ? "targeting " : "")}analytics operation in the Pinterest API. Use one of: {valid}.");
        }

        /// <summary>The levels that have an operation of the given kind.</summary>
        public static IEnumerable<AnalyticsLevel> Levels(bool targeting) => (targeting ? Targeting : Sync).Keys.OrderBy(l => l);
    }
}
