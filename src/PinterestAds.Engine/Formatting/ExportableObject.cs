using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// Base of the entity objects the module emits (ad accounts, campaigns, ad groups, ads,
    /// product groups): besides their typed properties, the same two dictionary views as the rows
    /// (see <see cref="PinRow"/>), so that Export-Csv writes analyst-ready files.
    /// </summary>
    /// <remarks>
    /// <para>The export view (non-generic <see cref="IDictionary"/>, what Export-Csv reads) has one
    /// column per public property, in property order, except dictionary-valued ones (<c>Fields</c>:
    /// the raw API answer stays on the object, it is not a column); dates, timestamps and non-integer numbers
    /// come as <see cref="InvariantValue"/>s (invariant text for Export-Csv, compared as the typed value by
    /// Where-Object's simplified syntax, which reads this view too), other scalars as they are, and lists
    /// are joined with <see cref="ListSeparator"/>. The typed view (<see cref="IDictionary{TKey,TValue}"/>,
    /// which PowerShell's member access reads first) and the enumeration hold the typed values.</para>
    /// <para>PowerShell lists the properties of public interfaces as members; <see cref="HostTypes"/>
    /// makes, for a host that asks, a subclass hiding them (and <c>Fields</c>) as the rows do.</para>
    /// </remarks>
    public abstract class ExportableObject : IDictionary, IDictionary<string, object?>
    {
        /// <summary>What joins the items of a list-valued property (e.g. Permissions) in the export view.</summary>
        public const string ListSeparator = "|";

        private const string ReadOnlyMessage =
            "Entities are read-only. To add or change a value, use Select-Object with a calculated property, or Add-Member.";

        private static readonly ConcurrentDictionary<Type, ExportColumns> ColumnsByType = new();

        private protected ExportableObject()
        {
        }

        private ExportColumns Columns => ColumnsByType.GetOrAdd(GetType(), t => new ExportColumns(t));

        private object? Typed(int ordinal) => Columns.Getters[ordinal].GetValue(this);

        private static object? ExportText(object? value)
        {
            if (value is string || value is null) return value;
            // Still the list (ForEach-Object Permissions, -contains), whose text is the joined items.
            if (value is IList list && !(value is IDictionary)) return new JoinedList(list);
            // Dates and non-integer numbers: invariant text for Export-Csv, compared as the typed value
            // by Where-Object's simplified syntax, which reads this view too (see InvariantValue).
            return InvariantValue.ForExport(value);
        }

        // --- export view (Export-Csv) ---

        object? IDictionary.this[object key]
        {
            get => key is string name && Columns.IndexOf(name) is int ordinal && ordinal >= 0 ? ExportText(Typed(ordinal)) : null;
            set => throw new NotSupportedException(ReadOnlyMessage);
        }

        // Only a column with a value: for null Export-Csv falls back to the (null) property, an empty field.
        bool IDictionary.Contains(object key) =>
            key is string name && Columns.IndexOf(name) is int ordinal && ordinal >= 0 && Typed(ordinal) is not null;

        ICollection IDictionary.Keys => Columns.Names;

        ICollection IDictionary.Values => Enumerable.Range(0, Columns.Names.Length).Select(Typed).ToArray();

        bool IDictionary.IsReadOnly => true;

        bool IDictionary.IsFixedSize => true;

        int ICollection.Count => Columns.Names.Length;

        bool ICollection.IsSynchronized => false;

        object ICollection.SyncRoot => this;

        void IDictionary.Add(object key, object? value) => throw new NotSupportedException(ReadOnlyMessage);

        void IDictionary.Clear() => throw new NotSupportedException(ReadOnlyMessage);

        void IDictionary.Remove(object key) => throw new NotSupportedException(ReadOnlyMessage);

        void ICollection.CopyTo(Array array, int index)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            foreach (DictionaryEntry entry in Entries()) array.SetValue(entry, index++);
        }

        IDictionaryEnumerator IDictionary.GetEnumerator() => new EntryEnumerator(Entries().ToList());

        IEnumerator IEnumerable.GetEnumerator() => Entries().GetEnumerator();

        private IEnumerable<DictionaryEntry> Entries() =>
            Columns.Names.Select((name, ordinal) => new DictionaryEntry(name, Typed(ordinal)));

        // --- typed view (member access, indexing) ---

        object? IDictionary<string, object?>.this[string key]
        {
            get => Columns.IndexOf(key) is int ordinal && ordinal >= 0 ? Typed(ordinal) : null;
            set => throw new NotSupportedException(ReadOnlyMessage);
        }

        bool IDictionary<string, object?>.TryGetValue(string key, out object? value)
        {
            int ordinal = Columns.IndexOf(key);
            if (ordinal >= 0)
            {
                value = Typed(ordinal);
                return true;
            }
            // PowerShell's single-object semantics: $entity[0] and $entity[-1] are the entity.
            value = key == "0" || key == "-1" ? this : null;
            return value is not null;
        }

        bool IDictionary<string, object?>.ContainsKey(string key) => Columns.IndexOf(key) >= 0;

        ICollection<string> IDictionary<string, object?>.Keys => Columns.Names;

        ICollection<object?> IDictionary<string, object?>.Values => Enumerable.Range(0, Columns.Names.Length).Select(Typed).ToArray();

        int ICollection<KeyValuePair<string, object?>>.Count => Columns.Names.Length;

        bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => true;

        void IDictionary<string, object?>.Add(string key, object? value) => throw new NotSupportedException(ReadOnlyMessage);

        bool IDictionary<string, object?>.Remove(string key) => throw new NotSupportedException(ReadOnlyMessage);

        void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => throw new NotSupportedException(ReadOnlyMessage);

        void ICollection<KeyValuePair<string, object?>>.Clear() => throw new NotSupportedException(ReadOnlyMessage);

        bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) => throw new NotSupportedException(ReadOnlyMessage);

        bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
            Columns.IndexOf(item.Key) is int ordinal && ordinal >= 0 && Equals(Typed(ordinal), item.Value);

        void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
        {
            if (array is null) throw new ArgumentNullException(nameof(array));
            foreach (DictionaryEntry entry in Entries()) array[arrayIndex++] = new KeyValuePair<string, object?>((string)entry.Key, entry.Value);
        }

        IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() =>
            Entries().Select(e => new KeyValuePair<string, object?>((string)e.Key, e.Value)).GetEnumerator();

        /// <summary>The export columns of one type: its public properties except indexers, dictionaries and the interface shadows.</summary>
        private sealed class ExportColumns
        {
            private readonly Dictionary<string, int> _ordinals = new(StringComparer.OrdinalIgnoreCase);

            internal ExportColumns(Type type)
            {
                // Most derived first, as PowerShell lists them; a shadow (new slot) hides its base property.
                var seen = new HashSet<string>(HostTypes.ShadowedNames, StringComparer.OrdinalIgnoreCase);
                var getters = new List<PropertyInfo>();
                for (Type? t = type; t is not null && t != typeof(ExportableObject); t = t.BaseType)
                {
                    foreach (PropertyInfo property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                    {
                        if (!seen.Add(property.Name) || property.GetIndexParameters().Length > 0) continue;
                        if (HostTypes.IsDictionary(property.PropertyType)) continue;
                        getters.Add(property);
                    }
                }
                Getters = getters.ToArray();
                Names = getters.Select(p => p.Name).ToArray();
                for (int i = 0; i < Names.Length; i++) _ordinals[Names[i]] = i;
            }

            internal PropertyInfo[] Getters { get; }

            internal string[] Names { get; }

            internal int IndexOf(string? name) => name is not null && _ordinals.TryGetValue(name, out int ordinal) ? ordinal : -1;
        }

        /// <summary>
        /// A list as the export view hands it out: the same items (PowerShell enumerates it as the
        /// list), but its text is the items' invariant text joined with <see cref="ListSeparator"/>.
        /// </summary>
        private sealed class JoinedList : IList
        {
            private readonly IList _items;

            internal JoinedList(IList items) => _items = items;

            public override string ToString() =>
                string.Join(ListSeparator, _items.Cast<object?>().Select(item => InvariantText.ForExport(item)?.ToString()));

            public object? this[int index] { get => _items[index]; set => throw new NotSupportedException(ReadOnlyMessage); }

            public bool IsReadOnly => true;

            public bool IsFixedSize => true;

            public int Count => _items.Count;

            public object SyncRoot => _items.SyncRoot;

            public bool IsSynchronized => false;

            public int Add(object? value) => throw new NotSupportedException(ReadOnlyMessage);

            public void Clear() => throw new NotSupportedException(ReadOnlyMessage);

            public bool Contains(object? value) => _items.Contains(value);

            public int IndexOf(object? value) => _items.IndexOf(value);

            public void Insert(int index, object? value) => throw new NotSupportedException(ReadOnlyMessage);

            public void Remove(object? value) => throw new NotSupportedException(ReadOnlyMessage);

            public void RemoveAt(int index) => throw new NotSupportedException(ReadOnlyMessage);

            public void CopyTo(Array array, int index) => _items.CopyTo(array, index);

            public IEnumerator GetEnumerator() => _items.GetEnumerator();
        }

        private sealed class EntryEnumerator : IDictionaryEnumerator
        {
            private readonly List<DictionaryEntry> _entries;
            private int _index = -1;

            internal EntryEnumerator(List<DictionaryEntry> entries) => _entries = entries;

            public DictionaryEntry Entry => _entries[_index];

            public object Key => Entry.Key;

            public object? Value => Entry.Value;

            public object Current => Entry;

            public bool MoveNext() => ++_index < _entries.Count;

            public void Reset() => _index = -1;
        }
    }
}
