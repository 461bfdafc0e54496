using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Turns a row read from an async report file into the analytics row shape (<see cref="AnalyticsRowShape"/>):
    /// the file's id column (ADVERTISER_ID, PIN_PROMOTION_ID, AD_ID ...) becomes the level's entity id column,
    /// TARGETING_TYPE/TARGETING_VALUE become TargetingType/TargetingValue with the value's resolved name, and
    /// the requested columns follow in the requested order. Values keep the types both readers give them.
    /// </summary>
    internal sealed class AsyncRowConverter
    {
        private readonly string _adAccountId;
        private readonly string? _currency;
        private readonly string _level;
        private readonly bool _targeting;
        private readonly bool _zeroFill;
        private readonly int _entityOrdinal;
        private readonly int _dateOrdinal;
        private readonly int _typeOrdinal;
        private readonly int _valueOrdinal;
        private readonly int _nameOrdinal;
        private readonly AnalyticsResponseReader.TargetingNameLookup? _names;
        private readonly Dictionary<(string, string), string?> _knownNames = new();

        public AsyncRowConverter(AnalyticsQuery query, IReadOnlyList<string> columns, string? currency, AnalyticsResponseReader.TargetingNameLookup? names)
        {
            _adAccountId = query.AdAccountId;
            _currency = currency;
            _level = AnalyticsRowShape.LevelName(query.Level);
            _targeting = query.Targeting;
            _zeroFill = query.ZeroFill;
            _names = names;
            Schema = AnalyticsRowShape.SchemaFor(query.Level, query.Targeting, query.Granularity, columns);
            Activator = RowTypeFactory.For<AnalyticsRow>(Schema);
            _entityOrdinal = Schema.IndexOf(AnalyticsRowShape.EntityIdColumn(query.Level));
            _dateOrdinal = Schema.IndexOf(RowFields.Date);
            _typeOrdinal = Schema.IndexOf(RowFields.TargetingType);
            _valueOrdinal = Schema.IndexOf(RowFields.TargetingValue);
            _nameOrdinal = Schema.IndexOf(RowFields.TargetingName);
        }

        public RowSchema Schema { get; }

        public RowActivator<AnalyticsRow> Activator { get; }

        /// <summary>Whether <see cref="ValuesAsync"/> may have to wait (a targeting name not looked up yet).</summary>
        public bool ResolvesNames => _targeting && _names != null;

        /// <summary>The values of the analytics row for one file row (not yet a row: the merger may combine several).</summary>
        public async Task<object?[]> ValuesAsync(ReportRow source, string? fileIdColumn, CancellationToken ct)
        {
            var values = Values(source, fileIdColumn);
            if (ResolvesNames)
            {
                string? type = (string?)values[_typeOrdinal], value = (string?)values[_valueOrdinal];
                if (type != null && value != null)
                {
                    if (!_knownNames.TryGetValue((type, value), out var name))
                        _knownNames[(type, value)] = name = await _names!(type, value, ct).ConfigureAwait(false);
                    values[_nameOrdinal] = name;
                }
            }
            return values;
        }

        /// <summary>The values without the targeting name (no waiting).</summary>
        public object?[] Values(ReportRow source, string? fileIdColumn)
        {
            var values = Activator.CreateBuffer();
            values[0] = _adAccountId;
            values[1] = _currency;
            values[2] = _level;
            var columns = Schema.Columns;
            for (int i = AnalyticsRowShape.FirstDataOrdinal; i < values.Length; i++)
            {
                if (i == _typeOrdinal || i == _valueOrdinal || i == _nameOrdinal) continue;
                values[i] = source[columns[i].Name] ?? ValueParser.Missing(columns[i].Kind, _zeroFill);
            }
            values[_entityOrdinal] = _level == "AD_ACCOUNT" ? _adAccountId : (fileIdColumn != null ? source[fileIdColumn] : null) ?? values[_entityOrdinal];
            if (_dateOrdinal >= 0) values[_dateOrdinal] = source[RowFields.Date];
            if (_targeting)
            {
                values[_typeOrdinal] = source["TARGETING_TYPE"]?.ToString();
                values[_valueOrdinal] = source["TARGETING_VALUE"]?.ToString();
            }
            return values;
        }
    }
}
