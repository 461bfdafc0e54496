using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Conversion metrics (they settle 24 to 48 hours late, and HOUR granularity carries none): the columns
    /// named after a conversion event, the <c>*_CONVERSION*</c> columns and <c>LEADS</c>.
    /// </summary>
    internal static class ConversionColumns
    {
        private static readonly string[] EventParts =
        {
            "PAGE_VISIT", "SIGNUP", "CHECKOUT", "CUSTOM", "LEAD", "ADD_TO_CART", "SEARCH", "WATCH_VIDEO",
            "VIEW_CATEGORY", "APP_INSTALL", "UNKNOWN", "CONVERSION", "WISHLIST", "SUBSCRIBE",
        };

        public static bool IsConversion(string column)
        {
            if (ColumnClassifier.Classify(column) == ColumnKind.Text) return false; // CAMPAIGN_CUSTOM_LABELS is no metric
            string name = column.ToUpperInvariant();
            return EventParts.Any(p => name.IndexOf(p, StringComparison.Ordinal) >= 0);
        }

        /// <summary>HOUR granularity carries no conversion metrics (the description): refuse them before any request.</summary>
        public static void RefuseAtHour(Granularity granularity, IEnumerable<string> columns, string parameterName = "Column")
        {
            if (granularity != Granularity.Hour) return;
            var conversion = columns.Where(IsConversion).ToList();
            if (conversion.Count == 0) return;
            throw new PinterestValidationException(ErrorIds.ConversionColumnsAtHour, parameterName,
                $"-Granularity Hour carries no conversion metrics (Pinterest returns none at HOUR), so {string.Join(", ", conversion)} would come back empty. " +
                "Drop them, or ask for -Granularity Day.");
        }
    }
}
