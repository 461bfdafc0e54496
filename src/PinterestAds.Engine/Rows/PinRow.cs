using System;
using System.Collections;
using System.Collections.Generic;
using PinterestAds.Engine.Formatting;
using PinterestAds.Engine.Rows;

namespace PinterestAds
{
    /// <summary>
    /// Base of every row the module emits (<see cref="AnalyticsRow"/>, <see cref="ReportRow"/>):
    /// a read-only dictionary of column name to value, in column order, besides the generated
    /// typed properties.
    /// </summary>
    /// <remarks>
    /// Why a dictionary: <c>Export-Csv</c> and <c>ConvertTo-Csv</c> (PowerShell 7) read the columns
    /// of an <see cref="IDictionary"/> through <see cref="IDictionary.Contains"/> and the indexer,
    /// which costs a fraction of resolving each property through PowerShell's type adapter.
    /// PowerShell lists the public properties of public interfaces too, so every generated type
    /// shadows them with members the host hides (see <see cref="PinterestAds.Engine.Formatting.HiddenMembers"/>):
    /// <c>Select-Object *</c>, <c>Format-List</c> and <c>Get-Member</c> still show only the columns.
    /// The shadowing <c>Count</c> is 1, as PowerShell reports for any single object, so
    /// <c>$rows.Count</c> means rows even when there is one; <c>$row.Keys.Count</c> is the number
    /// of columns. Indexing with 0 or -1 returns the row itself, as for any single object.
    /// <para>The export view (the non-generic indexer, which Export-Csv reads and calls ToString() on)
    /// hands out dates and non-integer numbers as <see cref="InvariantValue"/>s: their text is
    /// culture-independent (ISO dates, hours of a <see cref="ColumnKind.Hour"/> column as
    /// yyyy-MM-ddTHH:00, '.' decimals), so CSV files are the same bytes in every culture. Where-Object's
    /// simplified syntax and ForEach-Object's member-name form read the same indexer; the wrapper compares,
    /// converts and computes as the typed value, so 'Where-Object SPEND_IN_DOLLAR -gt 100' stays a numeric
    /// comparison (plain text here returned wrong rows without a word). The typed view
    /// (<see cref="IDictionary{TKey,TValue}"/>, what member access reads), the values and the enumeration
    /// (ConvertTo-Json) hold the typed values. See about_PinterestAds, "CSV files and cultures".</para>
    /// </remarks>
    public abstract class PinRow : IDictionary, IDictionary<string, object?>
    {
        private const string ReadOnlyMessage =
            "Rows are read-only. To add or change a value, use Select-Object with a calculated property, or Add-Member.";

        // The export view's wrappers of this row's Decimal cells, with their text, made ahead by PrepareExportView on the
        // thread that parsed the row; null until then (the export view then makes them as it is read).
        private InvariantValue?[]? _exportCells;

        /// <summary>Only generated row types derive (indirectly) from this class.</summary>
        protected PinRow()
        {
        }

        /// <summary>The columns of this row type, in property order (generated).</summary>
        protected abstract RowSchema RowColumns { get; }

        /// <summary>The value of the column at <paramref name="ordinal"/> (generated).</summary>
        protected abstract object? GetColumnValue(int ordinal);

        /// <summary>
        /// Makes the export view's wrappers of the Decimal cells now, text included, so that reading the export view
        /// later (Export-Csv on the pipeline thread) neither allocates nor formats them. What the view returns is the same
        /// either way; a report's parsing worker calls this while it waits for the pipeline (<c>ReadAheadRows</c>).
        /// Call it before the row is handed to another thread.
        /// </summary>
        internal void PrepareExportView()
        {
            int[] ordinals = RowColumns.ExportCellOrdinals;
            if (ordinals.Length == 0 || _exportCells is not null) return;
            var cells = new InvariantValue?[ordinals.Length];
            for (int i = 0; i < ordinals.Length; i++) cells[i] = InvariantValue.Prepared(GetColumnValue(ordinals[i]));
            _exportCells = cells;
        }

        /// <summary>
        /// Drops what <see cref="PrepareExportView"/> made, once the row has been written (the pipeline has read it): a row
        /// kept afterwards (in a variable, by Sort-Object) holds no texts, and a later read makes its own wrappers.
        /// </summary>
        internal void ReleaseExportView() => _exportCells = null;

        /// <summary>The column's value by name (ignoring case), or null when there is no such column.</summary>
        internal object? this[string column]
        {
            get
            {
                int ordinal = RowColumns.IndexOf(column);
                return ordinal >= 0 ? GetColumnValue(ordinal) : null;
            }
        }

        object? IDictionary.this[object key]
        {
            get
            {
                // Export-Csv writes this value's ToString(): dates and non-integer numbers come wrapped so
                // that text is invariant. Where-Object's simplified syntax reads this indexer too, and the
                // wrapper compares as the typed value (text here would compare strings; see the remarks).
                if (key is string column)
                {
                    RowSchema columns = RowColumns;
                    int ordinal = columns.IndexOf(column);
                    if (ordinal < 0) return null;
                    InvariantValue?[]? cells = _exportCells;
                    if (cells is not null)
                    {
                        int slot = columns.ExportCellSlots[ordinal];
                        if (slot >= 0 && cells[slot] is InvariantValue ready) return ready;
                    }
                    object? value = GetColumnValue(ordinal);
                    return value is DateTime hour && columns.Columns[ordinal].Kind == ColumnKind.Hour
                        ? InvariantValue.ForHour(hour)
                        : InvariantValue.ForExport(value);
                }
                // PowerShell semantics of a single object: $row[0] and $row[-1] are the row.
                if (key is int index && (index == 0 || index == -1)) return this;
                return null;
            }
            set => throw new NotSupportedException(ReadOnlyMessage);
        }

        // True only for a column that has a value in this row. PowerShell 7.6's Export-Csv calls
        // ToString() on the dictionary's value without a null check; for a missing (null) metric
        // this answer sends it to the property instead, which is null, so it writes an empty field.
        // Member access ($row.CTR) falls back to the property the same way, with the same value.
        bool IDictionary.Contains(object key)
        {
            if (key is not string column) return false;
            int ordinal = RowColumns.IndexOf(column);
            return ordinal >= 0 && GetColumnValue(ordinal) is not null;
        }

        ICollection IDictionary.Keys => RowColumns.Names;

        ICollection IDictionary.Values
        {
            get
            {
                var values = new object?[RowColumns.Count];
                for (int i = 0; i < values.Length; i++) values[i] = GetColumnValue(i);
                return values;
            }
        }

        bool IDictionary.IsReadOnly => true;

        bool IDictionary.IsFixedSize => true;

        int ICollection.Count => RowColumns.Count;

        bool ICollection.IsSynchronized => false;

        object ICollection.SyncRoot => this;

        void IDictionary.Add(object key, object? value) => throw new NotSupportedException(ReadOnlyMessage);

        void IDictionary.Clear() => throw new NotSupportedException(ReadOnlyMessage);

        void IDictionary.Remove(object key) => throw new NotSupportedException(ReadOnlyMessage);

        void ICollection.CopyTo(Array array, int index)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || array.Length - index < RowColumns.Count) throw new ArgumentOutOfRangeException(nameof(index));
            for (int i = 0; i < RowColumns.Count; i++)
            {
                array.SetValue(new DictionaryEntry(RowColumns.Columns[i].Name, GetColumnValue(i)), index + i);
            }
        }

        IDictionaryEnumerator IDictionary.GetEnumerator() => new ColumnEnumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new ColumnEnumerator(this);

        // The typed view (see the remarks): values as the properties hold them.
        object? IDictionary<string, object?>.this[string key]
        {
            // Like the export view: null for no such column, and PowerShell's single-object
            // semantics for $row[0] and $row[-1] (PowerShell passes the index as text here).
            get
            {
                int ordinal = key is null ? -1 : RowColumns.IndexOf(key);
                if (ordinal >= 0) return GetColumnValue(ordinal);
                return key == "0" || key == "-1" ? this : null;
            }
            set => throw new NotSupportedException(ReadOnlyMessage);
        }

        bool IDictionary<string, object?>.TryGetValue(string key, out object? value)
        {
            int ordinal = key is null ? -1 : RowColumns.IndexOf(key);
            if (ordinal >= 0)
            {
                value = GetColumnValue(ordinal);
                return true;
            }
            // PowerShell's index binder asks here for $row[0] and $row[-1]: the row itself.
            value = key == "0" || key == "-1" ? this : null;
            return value is not null;
        }

        bool IDictionary<string, object?>.ContainsKey(string key) => key is not null && RowColumns.IndexOf(key) >= 0;

        ICollection<string> IDictionary<string, object?>.Keys => RowColumns.Names;

        ICollection<object?> IDictionary<string, object?>.Values => (object?[])((IDictionary)this).Values;

        int ICollection<KeyValuePair<string, object?>>.Count => RowColumns.Count;

        bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => true;

        void IDictionary<string, object?>.Add(string key, object? value) => throw new NotSupportedException(ReadOnlyMessage);

        bool IDictionary<string, object?>.Remove(string key) => throw new NotSupportedException(ReadOnlyMessage);

        void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => throw new NotSupportedException(ReadOnlyMessage);

        void ICollection<KeyValuePair<string, object?>>.Clear() => throw new NotSupportedException(ReadOnlyMessage);

        bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) => throw new NotSupportedException(ReadOnlyMessage);

        bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item)
        {
            int ordinal = item.Key is null ? -1 : RowColumns.IndexOf(item.Key);
            return ordinal >= 0 && Equals(GetColumnValue(ordinal), item.Value);
        }

        void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || array.Length - arrayIndex < RowColumns.Count) throw new ArgumentOutOfRangeException(nameof(arrayIndex));
            for (int i = 0; i < RowColumns.Count; i++)
            {
                array[arrayIndex + i] = new KeyValuePair<string, object?>(RowColumns.Columns[i].Name, GetColumnValue(i));
            }
        }

        IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator()
        {
            for (int i = 0; i < RowColumns.Count; i++)
            {
                yield return new KeyValuePair<string, object?>(RowColumns.Columns[i].Name, GetColumnValue(i));
            }
        }

        /// <summary>Enumerates (column, value) pairs in column order.</summary>
        private sealed class ColumnEnumerator : IDictionaryEnumerator
        {
            private readonly PinRow _row;
            private int _ordinal = -1;

            internal ColumnEnumerator(PinRow row) => _row = row;

            public DictionaryEntry Entry => _ordinal >= 0 && _ordinal < _row.RowColumns.Count
                ? new DictionaryEntry(_row.RowColumns.Columns[_ordinal].Name, _row.GetColumnValue(_ordinal))
                : throw new InvalidOperationException("The enumerator is not positioned on a column.");

            public object Key => Entry.Key;

            public object? Value => Entry.Value;

            public object Current => Entry;

            public bool MoveNext() => ++_ordinal < _row.RowColumns.Count;

            public void Reset() => _ordinal = -1;
        }
    }
}
