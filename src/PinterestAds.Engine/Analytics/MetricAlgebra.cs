using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>How a column's value over a whole range follows from its values over parts of the range.</summary>
    internal enum MergeRule
    {
        /// <summary>A property of the entity (ids, names, statuses): the same in every part.</summary>
        Attribute,
        /// <summary>A count or an amount: the whole is the sum of the parts.</summary>
        Sum,
        /// <summary>A ratio with a known formula over additive columns: recomputed from the summed ingredients.</summary>
        Ratio,
        /// <summary>Neither (unique users, averages, rates without a known formula): cannot be merged.</summary>
        NotMergeable,
    }

    /// <summary>A ratio column defined over additive columns: (sum of numerator) * scale / (sum of denominator).</summary>
    internal sealed class RatioFormula
    {
        public RatioFormula(string[] numerator, string[] denominator, double scale, bool integer)
        {
            Numerator = numerator;
            Denominator = denominator;
            Scale = scale;
            Integer = integer;
        }

        public IReadOnlyList<string> Numerator { get; }
        public IReadOnlyList<string> Denominator { get; }
        public double Scale { get; }

        /// <summary>The column is a whole number (micro-currency), rounded; otherwise rounded to 8 decimals.</summary>
        public bool Integer { get; }

        public IEnumerable<string> Ingredients => Numerator.Concat(Denominator);
    }

    /// <summary>
    /// Which columns can be re-aggregated when one TOTAL row has to be built from several reports (a range
    /// longer than one report allows), and how. Counts and amounts add up; the ratios below are recomputed
    /// from their summed ingredients (Pinterest's definitions: CTR = clicks / impressions, CPC = spend /
    /// clicks, CPM = 1000 x spend / impressions ...). Anything else - unique users, frequencies, averages,
    /// rates without a formula here - is refused before any request rather than guessed.
    /// </summary>
    internal static class MetricAlgebra
    {
        private static readonly Dictionary<string, RatioFormula> Ratios = new Dictionary<string, RatioFormula>(StringComparer.OrdinalIgnoreCase)
        {
            ["CTR"] = new RatioFormula(new[] { "CLICKTHROUGH_1" }, new[] { "IMPRESSION_1" }, 1, false),
            ["CTR_2"] = new RatioFormula(new[] { "CLICKTHROUGH_2" }, new[] { "IMPRESSION_2" }, 1, false),
            ["ECTR"] = new RatioFormula(new[] { "CLICKTHROUGH_1", "CLICKTHROUGH_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
            ["OUTBOUND_CTR_1"] = new RatioFormula(new[] { "OUTBOUND_CLICK_1" }, new[] { "IMPRESSION_1" }, 1, false),
            ["CPC_IN_MICRO_DOLLAR"] = new RatioFormula(new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "CLICKTHROUGH_1" }, 1, true),
            ["ECPC_IN_MICRO_DOLLAR"] = new RatioFormula(new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "CLICKTHROUGH_1", "CLICKTHROUGH_2" }, 1, true),
            ["CPM_IN_MICRO_DOLLAR"] = new RatioFormula(new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "IMPRESSION_1" }, 1000, true),
            ["ECPM_IN_MICRO_DOLLAR"] = new RatioFormula(new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1000, true),
            ["ENGAGEMENT_RATE"] = new RatioFormula(new[] { "ENGAGEMENT_1" }, new[] { "IMPRESSION_1" }, 1, false),
            ["EENGAGEMENT_RATE"] = new RatioFormula(new[] { "ENGAGEMENT_1", "ENGAGEMENT_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
            ["REPIN_RATE"] = new RatioFormula(new[] { "REPIN_1" }, new[] { "IMPRESSION_1" }, 1, false),
            ["TOTAL_REPIN_RATE"] = new RatioFormula(new[] { "REPIN_1", "REPIN_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
        };

        // Name parts that make a numeric column a ratio, an average or a unique count: never a plain sum.
        private static readonly string[] NonAdditiveParts =
        {
            "CTR", "_RATE", "RATE_", "ROAS", "COST_PER", "CPC", "CPM", "CPV", "CPCV", "CPE", "AVG", "AVERAGE", "FREQUENCY",
            "_PER_", "MULTIPLIER", "_USER", "UNIQUE", "REACH", "PERCENT", "VIDEO_LENGTH", "BUDGET", "SPEND_CAP",
        };

        public static MergeRule RuleFor(string column)
        {
            if (Ratios.ContainsKey(column)) return MergeRule.Ratio;
            var kind = ColumnClassifier.Classify(column);
            if (kind == ColumnKind.Text || kind == ColumnKind.Boolean || kind == ColumnKind.Date) return MergeRule.Attribute;
            string name = column.ToUpperInvariant();
            if (NonAdditiveParts.Any(p => name.IndexOf(p, StringComparison.Ordinal) >= 0)) return MergeRule.NotMergeable;
            return kind == ColumnKind.Integer || kind == ColumnKind.Decimal ? MergeRule.Sum : MergeRule.NotMergeable;
        }

        public static RatioFormula? FormulaFor(string column) => Ratios.TryGetValue(column, out var f) ? f : null;

        /// <summary>The columns a merge cannot produce, in the order given.</summary>
        public static IReadOnlyList<string> NotMergeable(IEnumerable<string> columns) =>
            columns.Where(c => RuleFor(c) == MergeRule.NotMergeable).ToList();

        /// <summary>The ratios' ingredients that are not requested already: fetched too, used, not shown.</summary>
        public static IReadOnlyList<string> HiddenIngredients(IReadOnlyList<string> columns)
        {
            var requested = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
            var hidden = new List<string>();
            foreach (string column in columns)
            {
                var formula = FormulaFor(column);
                if (formula == null) continue;
                foreach (string ingredient in formula.Ingredients)
                    if (!requested.Contains(ingredient) && !hidden.Contains(ingredient, StringComparer.OrdinalIgnoreCase)) hidden.Add(ingredient);
            }
            return hidden;
        }
    }

}
