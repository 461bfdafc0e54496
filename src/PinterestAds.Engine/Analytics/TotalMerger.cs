using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Builds one TOTAL row per key (entity, targeting type and value) from the TOTAL rows of several
    /// reports that each covered part of the range: sums for counts and amounts, ratios recomputed from
    /// their summed ingredients (<see cref="MetricAlgebra"/>), attributes taken as they are. The planner
    /// refuses columns that cannot be merged before any request, so every column here has a rule. Hidden
    /// ingredient columns are used and dropped. A key whose shown metrics are all empty is left out, as the
    /// API leaves out rows whose columns are all 0.
    /// </summary>
    internal sealed class TotalMerger
    {
        private readonly RowSchema _schema;
        private readonly RowActivator<AnalyticsRow> _activator;
        private readonly bool _zeroFill;
        private readonly int[] _keyOrdinals;
        private readonly List<string> _hidden;
        private readonly Dictionary<string, Accumulator> _byKey = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        private readonly List<Accumulator> _order = new List<Accumulator>();

        public TotalMerger(RowSchema schema, RowActivator<AnalyticsRow> activator, IReadOnlyList<string> hiddenColumns, bool zeroFill)
        {
            _schema = schema;
            _activator = activator;
            _zeroFill = zeroFill;
            _hidden = hiddenColumns.ToList();
            var keys = new List<int>();
            for (int i = 0; i < AnalyticsRowShape.FirstDataOrdinal + 1; i++) keys.Add(i); // account, currency, level, entity id
            foreach (string field in new[] { RowFields.TargetingType, RowFields.TargetingValue })
                if (schema.IndexOf(field) >= 0) keys.Add(schema.IndexOf(field));
            _keyOrdinals = keys.ToArray();
        }

        /// <summary>Adds one part's row (its shown values, and the hidden ingredients read from the same file row).</summary>
        public void Add(object?[] values, ReportRow source)
        {
            string key = string.Join("\u0001", _keyOrdinals.Select(i => Convert.ToString(values[i], CultureInfo.InvariantCulture)));
            if (!_byKey.TryGetValue(key, out var accumulator))
            {
                accumulator = new Accumulator((object?[])values.Clone(), _schema.Count, _hidden.Count);
                _byKey[key] = accumulator;
                _order.Add(accumulator);
                for (int i = 0; i < values.Length; i++) accumulator.Sums[i] = null;
            }
            for (int i = AnalyticsRowShape.FirstDataOrdinal; i < values.Length; i++)
            {
                var column = _schema.Columns[i];
                if (MetricAlgebra.RuleFor(column.Name) == MergeRule.Sum && !IsKeyOrdinal(i))
                    accumulator.Sums[i] = Add(accumulator.Sums[i], values[i]);
                else if (accumulator.First[i] == null && values[i] != null)
                    accumulator.First[i] = values[i];
            }
            for (int h = 0; h < _hidden.Count; h++) accumulator.Hidden[h] = Add(accumulator.Hidden[h], source[_hidden[h]]);
        }

        /// <summary>The merged rows, in the order their keys were first seen.</summary>
        public IEnumerable<AnalyticsRow> Rows()
        {
            foreach (var accumulator in _order)
            {
                var values = (object?[])accumulator.First.Clone();
                bool anyMetric = false;
                for (int i = AnalyticsRowShape.FirstDataOrdinal; i < values.Length; i++)
                {
                    if (IsKeyOrdinal(i)) continue;
                    var column = _schema.Columns[i];
                    var rule = MetricAlgebra.RuleFor(column.Name);
                    if (rule == MergeRule.Sum) values[i] = Typed(column.Kind, accumulator.Sums[i]);
                    else if (rule == MergeRule.Ratio) values[i] = Ratio(MetricAlgebra.FormulaFor(column.Name)!, accumulator, values, column.Kind);
                    else continue;
                    if (values[i] is decimal d && d != 0m || values[i] is long l && l != 0) anyMetric = true;
                    else values[i] = ValueParser.Missing(column.Kind, _zeroFill);
                }
                if (anyMetric || !HasMetricColumns()) yield return _activator.Create(values);
            }
        }

        private bool HasMetricColumns()
        {
            for (int i = AnalyticsRowShape.FirstDataOrdinal; i < _schema.Count; i++)
                if (!IsKeyOrdinal(i) && MetricAlgebra.RuleFor(_schema.Columns[i].Name) != MergeRule.Attribute) return true;
            return false;
        }

        private bool IsKeyOrdinal(int ordinal) => Array.IndexOf(_keyOrdinals, ordinal) >= 0 || _schema.Columns[ordinal].Name == RowFields.TargetingName;

        private object? Ratio(RatioFormula formula, Accumulator accumulator, object?[] shown, ColumnKind kind)
        {
            decimal Sum(IEnumerable<string> names)
            {
                decimal total = 0;
                foreach (string name in names)
                {
                    int hidden = _hidden.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
                    decimal? part = hidden >= 0 ? accumulator.Hidden[hidden] : accumulator.Sums[_schema.IndexOf(name)];
                    total += part ?? 0;
                }
                return total;
            }
            double numerator = (double)Sum(formula.Numerator);
            double denominator = formula.Denominator.Count == 0 ? 1 : (double)Sum(formula.Denominator);
            if (denominator == 0) return null;
            // The same arithmetic as a single report's ratio: numerator x scale / denominator, then rounded.
            double value = numerator * formula.Scale / denominator;
            return formula.Integer ? (object)(long)Math.Round(value) : (decimal)Math.Round(value, 8);
        }

        private static decimal? Add(decimal? total, object? value)
        {
            decimal? part = value switch
            {
                null => null,
                long l => l,
                int i => i,
                decimal d => d,
                double f => (decimal)f,
                string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            };
            if (part == null) return total;
            return (total ?? 0) + part.Value;
        }

        private static object? Typed(ColumnKind kind, decimal? sum)
        {
            if (sum == null) return null;
            if (kind == ColumnKind.Integer && decimal.Truncate(sum.Value) == sum.Value && sum.Value >= long.MinValue && sum.Value <= long.MaxValue) return (long)sum.Value;
            return sum.Value;
        }

        private sealed class Accumulator
        {
            public Accumulator(object?[] first, int columns, int hidden)
            {
                First = first;
                Sums = new decimal?[columns];
                Hidden = new decimal?[hidden];
            }

            public object?[] First { get; }
            public decimal?[] Sums { get; }
            public decimal?[] Hidden { get; }
        }
    }
}
