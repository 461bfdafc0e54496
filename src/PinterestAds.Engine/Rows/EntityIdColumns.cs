using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Rows
{
    /// <summary>Which column identifies the entity a row reports on, per reporting level.</summary>
    public static class EntityIdColumns
    {
        private static readonly Dictionary<string, string> ByLevel = new(StringComparer.OrdinalIgnoreCase)
        {
            // Sync analytics: the id property each response schema declares.
            ["AD_ACCOUNT"] = "AD_ACCOUNT_ID",
            ["CAMPAIGN"] = "CAMPAIGN_ID",
            ["AD_GROUP"] = "AD_GROUP_ID",
            ["AD"] = "AD_ID",
            ["PRODUCT_GROUP"] = "PRODUCT_GROUP_ID",
            // ad_pins/analytics (AdPinAnalytics rows).
            ["PIN"] = "PIN_ID",
            // Async report levels (the *_TARGETING variants share the base level's id).
            ["ADVERTISER"] = "ADVERTISER_ID",
            ["PIN_PROMOTION"] = "PIN_PROMOTION_ID",
            ["KEYWORD"] = "KEYWORD_ID",
            ["PRODUCT_ITEM"] = "PRODUCT_ITEM_ID",
        };

        /// <summary>
        /// The entity id column for a level such as <c>CAMPAIGN</c> or <c>AD_GROUP_TARGETING</c>.
        /// </summary>
        /// <exception cref="ArgumentException">The level is not a known reporting level.</exception>
        public static string ForLevel(string level)
        {
            if (level is null) throw new ArgumentNullException(nameof(level));
            string baseLevel = level.EndsWith("_TARGETING", StringComparison.OrdinalIgnoreCase)
                ? level.Substring(0, level.Length - "_TARGETING".Length)
                : level;
            if (ByLevel.TryGetValue(baseLevel, out string? column)) return column;
            throw new ArgumentException(
                $"Unknown reporting level '{level}'. Known levels: {string.Join(", ", ByLevel.Keys)} (optionally with _TARGETING).",
                nameof(level));
        }
    }
}
