using System;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// Maps a Pinterest reporting column name to its <see cref="ColumnKind"/>.
    /// </summary>
    /// <remarks>
    /// The rules were derived from the sync (175) and async (613) column enums of the API
    /// description; a test classifies every catalogue column and fails on any
    /// <see cref="ColumnKind.Unknown"/>. Rules are checked in order, the first match wins:
    /// <list type="number">
    /// <item><c>DATE</c> is a date; <c>IS_*</c> flags are booleans.</item>
    /// <item>Descriptive columns are text: ids (<c>*_ID</c>), names, statuses, types, labels,
    /// tags, URLs, currency codes, descriptions, categories, brands, optimisation settings,
    /// targeting fields.</item>
    /// <item>Micro-currency amounts (<c>*_MICRO_DOLLAR</c>) are integers (millionths).</item>
    /// <item>Whole-currency amounts, rates, ratios and averages are decimals: <c>*_IN_DOLLAR*</c>,
    /// local-currency budgets and spend caps, prices, <c>*_ROAS</c>, <c>*_RATE</c>, CTRs,
    /// <c>*COST_PER_*</c>, frequency, multipliers, seconds, <c>AVERAGE</c>/<c>AVG</c>,
    /// <c>*_PER_*</c>, video length.</item>
    /// <item>Everything countable is an integer: <c>TOTAL_*</c>, paid/earned <c>*_1</c>/<c>*_2</c>,
    /// and names built from event words (impression, click, engagement, repin, view, session,
    /// lead, quantity, swipe, closeup, completion...).</item>
    /// </list>
    /// </remarks>
    public static class ColumnClassifier
    {
        private static readonly string[] TextSuffixes =
        {
            "_ID", "_NAME", "_STATUS", "_TYPE", "_LABEL", "_LABELS", "_TAG", "_URL", "_CURRENCY",
            "_DESCRIPTION", "_CATEGORY", "_BRAND", "_OPTIMIZATION",
        };

        private static readonly string[] TextNames =
        {
            "TARGETING_TYPE", "TARGETING_VALUE", "TARGETING_NAME", "TARGETINGTYPE", "TARGETINGVALUE",
            "TARGETINGNAME", "ADACCOUNTID", "LEVEL",
        };

        private static readonly string[] DecimalSuffixes =
        {
            "_ROAS", "_RATE", "_COST_PER_ACTION", "_FREQUENCY", "_MULTIPLIER", "_IN_SECOND",
            "_PRICE", "_SPEND_CAP",
        };

        private static readonly string[] DecimalParts =
        {
            "_IN_DOLLAR", "COST_PER_", "_AVERAGE_", "_AVG_", "_PER_", "CTR",
        };

        private static readonly string[] CountParts =
        {
            "IMPRESSION", "CLICK", "ENGAGEMENT", "REPIN", "VIEW", "SESSION", "LEAD", "QUANTITY",
            "SWIPE", "CLOSEUP", "COMPLETE", "COMBINED", "CONVERSION", "CHECKOUT", "OPEN",
        };

        /// <summary>Classifies a column name (case-insensitive).</summary>
        /// <param name="columnName">A Pinterest column name such as <c>SPEND_IN_MICRO_DOLLAR</c>.</param>
        /// <returns>The kind, or <see cref="ColumnKind.Unknown"/> when no rule matches.</returns>
        public static ColumnKind Classify(string columnName)
        {
            if (columnName is null) throw new ArgumentNullException(nameof(columnName));
            string name = columnName.Trim().ToUpperInvariant();
            if (name.Length == 0) return ColumnKind.Unknown;

            if (name == "DATE") return ColumnKind.Date;
            if (name.StartsWith("IS_", StringComparison.Ordinal)) return ColumnKind.Boolean;

            // Amounts in the account's currency, before "_CURRENCY" (a currency code) matches.
            if (name.EndsWith("_IN_LOCAL_CURRENCY", StringComparison.Ordinal)) return ColumnKind.Decimal;

            // Millionths of the account's currency (AD_GROUP_BID_IN_MICRO_CURRENCY), before "_CURRENCY" matches too.
            if (name.EndsWith("_IN_MICRO_CURRENCY", StringComparison.Ordinal)) return ColumnKind.Integer;
            if (name.EndsWith(CurrencyUnitColumns.CurrencySuffix, StringComparison.Ordinal)) return ColumnKind.Decimal;

            if (Array.IndexOf(TextNames, name) >= 0 || EndsWithAny(name, TextSuffixes)) return ColumnKind.Text;

            if (name.EndsWith("_MICRO_DOLLAR", StringComparison.Ordinal)) return ColumnKind.Integer;

            if (EndsWithAny(name, DecimalSuffixes) || ContainsAny(name, DecimalParts)
                || name == "VIDEO_LENGTH")
            {
                return ColumnKind.Decimal;
            }

            if (name.StartsWith("TOTAL_", StringComparison.Ordinal)
                || name.EndsWith("_1", StringComparison.Ordinal)
                || name.EndsWith("_2", StringComparison.Ordinal)
                || name.EndsWith("_GROSS", StringComparison.Ordinal)
                || name == "LEADS"
                || ContainsAny(name, CountParts))
            {
                return ColumnKind.Integer;
            }

            return ColumnKind.Unknown;
        }

        private static bool EndsWithAny(string name, string[] suffixes)
        {
            foreach (string suffix in suffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        private static bool ContainsAny(string name, string[] parts)
        {
            foreach (string part in parts)
            {
                if (name.IndexOf(part, StringComparison.Ordinal) >= 0) return true;
            }
            return false;
        }
    }
}
