using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Engine.Sync
{
    /// <summary>What a destination column holds; each destination maps it to its own type.</summary>
    internal enum SyncValueKind
    {
        /// <summary>A <see cref="string"/>.</summary>
        Text,
        /// <summary>A <see cref="long"/> (counts, micro-currency amounts).</summary>
        Integer,
        /// <summary>A <see cref="decimal"/> (currency units, rates).</summary>
        Decimal,
        /// <summary>A calendar date (<see cref="DateTime"/>, time of day zero).</summary>
        Date,
        /// <summary>A date and hour (<see cref="DateTime"/>; HOUR granularity).</summary>
        DateTime,
        /// <summary>A <see cref="bool"/>.</summary>
        Boolean,
    }

    /// <summary>One column of the synced table: its name (as rows name it), kind and whether it is part of the row key.</summary>
    internal sealed class SyncColumn
    {
        public SyncColumn(string name, SyncValueKind kind, bool isKey = false)
        {
            Name = name;
            Kind = kind;
            IsKey = isKey;
        }

        public string Name { get; }
        public SyncValueKind Kind { get; }
        public bool IsKey { get; }

        public override string ToString() => $"{Name} {Kind}{(IsKey ? " key" : "")}";
    }

    /// <summary>
    /// The neutral shape every destination writes: ordered columns (fixed fields, then the definition's
    /// columns, then <see cref="MetricsFinal"/>) and the key that identifies a row (account, entity, date
    /// (and hour), targeting type and value). Rows are <c>object?[]</c> in column order, so a destination
    /// never depends on the analytics engine's row classes.
    /// </summary>
    internal sealed class SyncTable
    {
        /// <summary>Whether the row's metrics were final (metrics ready state) when it was landed.</summary>
        public const string MetricsFinal = "MetricsFinal";

        /// <summary>The ad account's currency (rows of different accounts may be in different currencies).</summary>
        public const string Currency = "Currency";

        public SyncTable(IReadOnlyList<SyncColumn> columns)
        {
            Columns = columns;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in columns)
                if (!seen.Add(column.Name))
                    throw new ArgumentException($"Column '{column.Name}' appears twice in the sync table.", nameof(columns));
            KeyOrdinals = columns.Select((c, i) => (c, i)).Where(x => x.c.IsKey).Select(x => x.i).ToArray();
            DateOrdinal = IndexOf(Rows.RowFields.Date);
            AdAccountOrdinal = IndexOf(Rows.RowFields.AdAccountId);
        }

        public IReadOnlyList<SyncColumn> Columns { get; }

        /// <summary>Ordinals of the key columns, in column order.</summary>
        public IReadOnlyList<int> KeyOrdinals { get; }

        public int DateOrdinal { get; }
        public int AdAccountOrdinal { get; }

        public IReadOnlyList<string> Names => Columns.Select(c => c.Name).ToList();

        public int IndexOf(string name)
        {
            for (int i = 0; i < Columns.Count; i++)
                if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        /// <summary>The calendar day a row belongs to (its DATE without the hour).</summary>
        public DateTime DayOf(object?[] row) => ((DateTime)row[DateOrdinal]!).Date;

        /// <summary>"name kind" per column, the form destinations store to recognise their schema.</summary>
        public string Describe() => string.Join(", ", Columns.Select(c => c.Name + " " + c.Kind + (c.IsKey ? " key" : "")));
    }
}
