using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// The ordered columns of a row type. Every row built from one schema has the same
    /// properties in the same order, so a sparse first row never hides a column from
    /// <c>Export-Csv</c>.
    /// </summary>
    public sealed class RowSchema
    {
        private readonly Dictionary<string, int> _ordinals;
        private readonly string[] _names;

        /// <summary>Creates a schema from columns in property order.</summary>
        /// <exception cref="ArgumentException">Two columns share a name (ignoring case, as
        /// PowerShell property access does).</exception>
        public RowSchema(IEnumerable<RowColumn> columns)
        {
            if (columns is null) throw new ArgumentNullException(nameof(columns));
            Columns = columns.ToArray();
            _ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < Columns.Count; i++)
            {
                if (_ordinals.ContainsKey(Columns[i].Name))
                {
                    throw new ArgumentException(
                        $"Column '{Columns[i].Name}' appears twice in the row schema; column names must be unique ignoring case.",
                        nameof(columns));
                }
                _ordinals.Add(Columns[i].Name, i);
            }
            Key = BuildKey(Columns);
            _names = Columns.Select(c => c.Name).ToArray();
            Names = new ReadOnlyCollection<string>(_names);
            ExportCellOrdinals = Enumerable.Range(0, Columns.Count).Where(i => Columns[i].Kind == ColumnKind.Decimal).ToArray();
            ExportCellSlots = Enumerable.Repeat(-1, Columns.Count).ToArray();
            for (int slot = 0; slot < ExportCellOrdinals.Length; slot++) ExportCellSlots[ExportCellOrdinals[slot]] = slot;
        }

        /// <summary>
        /// The columns whose export-view values are wrappers a row can have made ahead (<see cref="PinRow.PrepareExportView"/>):
        /// the Decimal ones, in column order.
        /// </summary>
        internal int[] ExportCellOrdinals { get; }

        /// <summary>For each column, its place in <see cref="ExportCellOrdinals"/>, or -1.</summary>
        internal int[] ExportCellSlots { get; }

        /// <summary>The columns in property order.</summary>
        public IReadOnlyList<RowColumn> Columns { get; }

        /// <summary>The column names in property order (the keys of a row's dictionary view).</summary>
        public ReadOnlyCollection<string> Names { get; }

        /// <summary>Number of columns.</summary>
        public int Count => Columns.Count;

        /// <summary>A string identifying the generated type shape (names and property types).</summary>
        internal string Key { get; }

        // The last lookup: Export-Csv asks every row for every column, in order, with the very strings of Names,
        // so the last answer or its successor, compared by reference, usually answers without hashing the name.
        // Threads share the hint (a plain field is cheaper than a thread-static one); a stale hint only means a hash lookup.
        private int _lastOrdinal;

        /// <summary>The position of a column (ignoring case), or -1.</summary>
        public int IndexOf(string name)
        {
            string[] names = _names;
            int last = _lastOrdinal;
            if (last < names.Length)
            {
                if (ReferenceEquals(names[last], name)) return last;
                int next = last + 1 == names.Length ? 0 : last + 1;
                if (ReferenceEquals(names[next], name))
                {
                    _lastOrdinal = next;
                    return next;
                }
            }
            if (name is null || !_ordinals.TryGetValue(name, out int ordinal)) return -1;
            _lastOrdinal = ordinal;
            return ordinal;
        }

        /// <summary>
        /// The schema of analytics rows (sync and async alike): <c>AdAccountId</c>, <c>Currency</c>, <c>Level</c>, the entity id
        /// column, <c>DATE</c> (unless granularity is TOTAL), the targeting fields (targeting
        /// analytics only), then the requested columns in the requested order. Requested columns
        /// that repeat a leading column are not repeated.
        /// </summary>
        public static RowSchema ForAnalytics(
            string entityIdColumn, bool includeDate, bool includeTargeting, IEnumerable<string> columns, bool hourly = false)
        {
            if (string.IsNullOrWhiteSpace(entityIdColumn))
            {
                throw new ArgumentException("The entity id column (e.g. CAMPAIGN_ID) is required.", nameof(entityIdColumn));
            }
            var leading = new List<RowColumn>
            {
                new(RowFields.AdAccountId, ColumnKind.Text),
                new(RowFields.Currency, ColumnKind.Text),
                new(RowFields.Level, ColumnKind.Text),
                new(entityIdColumn, ColumnKind.Text),
            };
            if (includeDate) leading.Add(DateColumn(hourly));
            if (includeTargeting)
            {
                leading.Add(new RowColumn(RowFields.TargetingType, ColumnKind.Text));
                leading.Add(new RowColumn(RowFields.TargetingValue, ColumnKind.Text));
                leading.Add(new RowColumn(RowFields.TargetingName, ColumnKind.Text));
            }
            return new RowSchema(Append(leading, columns));
        }

        /// <summary>The <c>DATE</c> column: of kind <see cref="ColumnKind.Hour"/> for HOUR granularity rows.</summary>
        internal static RowColumn DateColumn(bool hourly) => new RowColumn(RowFields.Date, hourly ? ColumnKind.Hour : ColumnKind.Date);

        /// <summary>Appends columns by name, skipping names already present (ignoring case).</summary>
        internal static List<RowColumn> Append(List<RowColumn> leading, IEnumerable<string> columns)
        {
            if (columns is null) throw new ArgumentNullException(nameof(columns));
            var seen = new HashSet<string>(leading.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
            foreach (string column in columns)
            {
                if (string.IsNullOrWhiteSpace(column)) continue;
                string name = column.Trim();
                if (seen.Add(name)) leading.Add(new RowColumn(name));
            }
            return leading;
        }

        private static string BuildKey(IReadOnlyList<RowColumn> columns)
        {
            var key = new StringBuilder();
            foreach (RowColumn column in columns)
            {
                // Hourly dates get their own type: the export view reads the kind from the type's schema.
                key.Append(column.PropertyType == typeof(string) ? 's' : column.Kind == ColumnKind.Hour ? 'h' : 'o').Append(column.Name).Append('\u0001');
            }
            return key.ToString();
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(",", Columns.Select(c => c.Name));
    }
}
