using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using PinterestAds.Engine.Formatting;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// Gives finished rows their last touches, as a new row of a derived column set: micro-dollar columns
    /// as exact amounts in currency units (renamed by <see cref="CurrencyUnitColumns"/>, values through
    /// <see cref="MicroUnits"/>, so 1,500,000,000 micro-units are exactly 1500m), and optionally one column
    /// inserted right after another (KeywordText after KEYWORD_ID). Every other column keeps its name, place
    /// and value. Rows pass through untouched when there is nothing to do, so the plain path costs nothing.
    /// Safe to call from several threads (the sync analytics runner writes from its calls).
    /// </summary>
    internal sealed class RowReshaper<TRow> where TRow : PinRow
    {
        private readonly bool _currencyUnits;
        private readonly string? _insertAfter;
        private readonly string? _insertedColumn;
        private readonly ConcurrentDictionary<Type, Shape?> _shapes = new();

        /// <param name="currencyUnits">Micro-dollar columns become amounts in currency units.</param>
        /// <param name="insertAfter">The column after which <paramref name="insertedColumn"/> goes (rows without it get none).</param>
        /// <param name="insertedColumn">The name of the inserted text column.</param>
        public RowReshaper(bool currencyUnits, string? insertAfter = null, string? insertedColumn = null)
        {
            _currencyUnits = currencyUnits;
            _insertAfter = insertAfter;
            _insertedColumn = insertedColumn;
        }

        /// <summary>Whether rows of this column set get the inserted column.</summary>
        public bool Inserts(TRow row) => ShapeOf(row)?.InsertedOrdinal >= 0;

        /// <summary>The row reshaped; <paramref name="insertedValue"/> gives the inserted column's value.</summary>
        public TRow Reshape(TRow row, Func<TRow, string?>? insertedValue = null)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            var shape = ShapeOf(row);
            if (shape == null) return row;
            var values = shape.Activator.CreateBuffer();
            int source = 0;
            foreach (DictionaryEntry entry in (IDictionary)row)
            {
                int target = shape.Targets[source++];
                values[target] = shape.Converted[target] ? MicroUnits.ToCurrencyUnits(entry.Value) : entry.Value;
            }
            if (shape.InsertedOrdinal >= 0) values[shape.InsertedOrdinal] = insertedValue?.Invoke(row);
            return shape.Activator.Create(values);
        }

        private Shape? ShapeOf(TRow row)
        {
            // Rows of one stream share a type: the last answer (one reference, so threads never see half of it) serves the next row.
            var last = _last;
            var type = row.GetType();
            if (last != null && ReferenceEquals(last.Type, type)) return last.Shape;
            var shape = _shapes.GetOrAdd(type, _ => Build(row));
            _last = new LastShape(type, shape);
            return shape;
        }

        private LastShape? _last;

        private sealed class LastShape
        {
            public LastShape(Type type, Shape? shape)
            {
                Type = type;
                Shape = shape;
            }

            public Type Type { get; }

            public Shape? Shape { get; }
        }

        // The derived column set of a row type, or null when it equals the row's own.
        private Shape? Build(TRow row)
        {
            var columns = new List<RowColumn>();
            var targets = new List<int>();
            var converted = new List<bool>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in (IDictionary)row) names.Add((string)entry.Key);
            int inserted = -1;
            bool changed = false;
            foreach (DictionaryEntry entry in (IDictionary)row)
            {
                string name = (string)entry.Key;
                string? unitName = _currencyUnits ? CurrencyUnitColumns.CurrencyUnitName(name) : null;
                // A renamed column never takes the name of a column the row already has.
                bool convert = unitName != null && !names.Contains(unitName);
                targets.Add(columns.Count);
                converted.Add(convert);
                columns.Add(convert ? new RowColumn(unitName!, ColumnKind.Decimal) : new RowColumn(name, KindOf(row, name)));
                changed |= convert;
                if (_insertedColumn != null && inserted < 0 && string.Equals(name, _insertAfter, StringComparison.OrdinalIgnoreCase) && !names.Contains(_insertedColumn))
                {
                    inserted = columns.Count;
                    converted.Add(false);
                    columns.Add(new RowColumn(_insertedColumn, ColumnKind.Text));
                    changed = true;
                }
            }
            if (!changed) return null;
            return new Shape(RowTypeFactory.For<TRow>(new RowSchema(columns)), targets.ToArray(), converted.ToArray(), inserted);
        }

        // The kind a column keeps: the kind only decides the property type (string for text, object otherwise),
        // and the values are copied as they are, so text stays text and everything else stays an object.
        private static ColumnKind KindOf(TRow row, string name)
        {
            var property = row.GetType().GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly);
            if (property != null && property.PropertyType == typeof(string)) return ColumnKind.Text;
            var kind = ColumnClassifier.Classify(name);
            return kind == ColumnKind.Text ? ColumnKind.Unknown : kind;
        }

        private sealed class Shape
        {
            public Shape(RowActivator<TRow> activator, int[] targets, bool[] converted, int insertedOrdinal)
            {
                Activator = activator;
                Targets = targets;
                Converted = converted;
                InsertedOrdinal = insertedOrdinal;
            }

            public RowActivator<TRow> Activator { get; }

            /// <summary>For each column of the source row, its ordinal in the reshaped row.</summary>
            public int[] Targets { get; }

            /// <summary>For each reshaped column, whether its value is converted from micro-units.</summary>
            public bool[] Converted { get; }

            public int InsertedOrdinal { get; }
        }
    }
}
