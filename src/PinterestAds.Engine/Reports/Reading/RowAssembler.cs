using System;
using PinterestAds.Engine.Internal;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Collects one row's values (parsed straight from UTF-8) and creates the typed row. Reuses
    /// one buffer, and remembers each text/date column's last value so repeated names, ids and
    /// dates do not allocate again; dates also share one box per day across rows (a report sorted by
    /// entity repeats its few hundred days in turn), which keeps them few and warm in the cache.
    /// </summary>
    internal sealed class RowAssembler
    {
        private const int MaxRememberedBytes = 128;

        private readonly RowActivator<ReportRow> _activator;
        private readonly ColumnKind[] _kinds;
        private readonly object?[] _defaults;
        private readonly object?[] _values;
        private readonly bool _zeroFill;
        private readonly byte[][] _lastBytes;
        private readonly int[] _lastLength;
        private readonly object?[] _lastValue;
        private DaySlots<object>? _dayBoxes;

        public RowAssembler(RowSchema schema, ReportReadOptions options)
        {
            Schema = schema;
            _activator = RowTypeFactory.For<ReportRow>(schema);
            _zeroFill = options.ZeroFill;
            _kinds = new ColumnKind[schema.Count];
            _defaults = new object?[schema.Count];
            for (int i = 0; i < schema.Count; i++)
            {
                _kinds[i] = schema.Columns[i].Kind;
                _defaults[i] = ValueParser.Missing(_kinds[i], _zeroFill);
            }
            ReportSchemaBuilder.SetConstants(schema, options, _defaults);
            _values = new object?[schema.Count];
            _lastBytes = new byte[schema.Count][];
            _lastLength = new int[schema.Count];
            _lastValue = new object?[schema.Count];
            for (int i = 0; i < schema.Count; i++) _lastLength[i] = -1;
            Reset();
        }

        public RowSchema Schema { get; }

        public void Reset() => Array.Copy(_defaults, _values, _values.Length);

        public void SetMissing(int ordinal) => _values[ordinal] = _defaults[ordinal];

        public void SetValue(int ordinal, object? value) => _values[ordinal] = value;

        public void Set(int ordinal, ReadOnlySpan<byte> utf8)
        {
            ColumnKind kind = _kinds[ordinal];
            if ((kind == ColumnKind.Text || kind == ColumnKind.Date || kind == ColumnKind.Hour) && utf8.Length <= MaxRememberedBytes && !utf8.IsEmpty)
            {
                _values[ordinal] = Remembered(ordinal, kind, utf8);
                return;
            }
            _values[ordinal] = ValueParser.Parse(kind, utf8, _zeroFill);
        }

        public ReportRow Build() => _activator.Create(_values);

        private object? Remembered(int ordinal, ColumnKind kind, ReadOnlySpan<byte> utf8)
        {
            byte[]? last = _lastBytes[ordinal];
            if (last is not null && _lastLength[ordinal] == utf8.Length && utf8.SequenceEqual(last.AsSpan(0, utf8.Length)))
            {
                return _lastValue[ordinal];
            }
            object? value = ValueParser.Parse(kind, utf8, _zeroFill);
            if (kind == ColumnKind.Date && value is DateTime day) value = SharedDay(day, value);
            if (last is null) _lastBytes[ordinal] = last = new byte[MaxRememberedBytes];
            utf8.CopyTo(last);
            _lastLength[ordinal] = utf8.Length;
            _lastValue[ordinal] = value;
            return value;
        }

        // One box per day (a report spans at most a few hundred days).
        private object SharedDay(DateTime day, object box)
        {
            var boxes = _dayBoxes ??= new DaySlots<object>();
            return boxes.Find(day) ?? boxes.Keep(day, box);
        }
    }
}
