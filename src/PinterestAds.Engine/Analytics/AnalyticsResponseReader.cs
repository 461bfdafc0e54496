using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Turns one analytics response into typed rows of one schema: <c>AdAccountId</c>, <c>Currency</c>,
    /// <c>Level</c>, the entity id, <c>DATE</c> (not for TOTAL), the targeting fields (targeting analytics), then exactly the
    /// requested columns. Keys the API added but nobody asked for are left out; metrics the API omitted
    /// are null (or 0 with zero-fill), so every row has the same properties.
    /// </summary>
    internal sealed class AnalyticsResponseReader
    {
        /// <summary>Resolves a targeting value to its readable name, or null.</summary>
        public delegate Task<string?> TargetingNameLookup(string targetingType, string targetingValue, CancellationToken ct);

        private readonly string _adAccountId;
        private readonly string? _currency;
        private readonly string _level;
        private readonly int _entityIdOrdinal;
        private readonly bool _accountLevel;
        private readonly bool _zeroFill;
        private readonly bool _targeting;
        private readonly int _firstDataOrdinal;
        private readonly int _targetingTypeOrdinal;
        private readonly int _targetingValueOrdinal;
        private readonly int _targetingNameOrdinal;
        private readonly bool _pinLevel;
        private readonly int _pinCampaignOrdinal;

        public AnalyticsResponseReader(AnalyticsPlan plan, string? currency)
        {
            _adAccountId = plan.Query.AdAccountId;
            _currency = currency;
            _level = plan.Operation.ApiLevel;
            _accountLevel = plan.Query.Level == AnalyticsLevel.AdAccount;
            _zeroFill = plan.Query.ZeroFill;
            _targeting = plan.Operation.IsTargeting;
            _pinLevel = plan.Operation.Level == AnalyticsLevel.Pin;
            Schema = _pinLevel
                ? PinAnalytics.Schema(plan.Query.Granularity != Granularity.Total, plan.Columns, hourly: plan.Query.Granularity == Granularity.Hour)
                : AnalyticsRowShape.SchemaFor(plan);
            _pinCampaignOrdinal = _pinLevel ? Schema.IndexOf(PinAnalytics.CampaignIdColumn) : -1;
            Activator = RowTypeFactory.For<AnalyticsRow>(Schema);
            _firstDataOrdinal = AnalyticsRowShape.FirstDataOrdinal; // after AdAccountId, Currency and Level
            _entityIdOrdinal = Schema.IndexOf(plan.Operation.EntityIdColumn);
            _targetingTypeOrdinal = Schema.IndexOf(RowFields.TargetingType);
            _targetingValueOrdinal = Schema.IndexOf(RowFields.TargetingValue);
            _targetingNameOrdinal = Schema.IndexOf(RowFields.TargetingName);
        }

        public RowSchema Schema { get; }

        public RowActivator<AnalyticsRow> Activator { get; }

        /// <summary>The rows of a response body, in the API's order.</summary>
        public async Task<IReadOnlyList<AnalyticsRow>> ReadAsync(byte[] body, TargetingNameLookup? names, CancellationToken ct, AnalyticsCall? call = null)
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? Encoding.UTF8.GetBytes("[]") : body);
            var root = document.RootElement;
            var rows = new List<AnalyticsRow>();
            if (!_targeting)
            {
                foreach (var item in Items(root, "data"))
                {
                    var values = Values(item);
                    // Pin rows: the call's campaign keys the row (a pin can run in several campaigns).
                    if (_pinLevel && call?.CampaignId != null) values[_pinCampaignOrdinal] = call.CampaignId;
                    rows.Add(Activator.Create(values));
                }
                return rows;
            }

            var known = new Dictionary<(string, string), string?>();
            foreach (var item in Items(root, "data"))
            {
                string? type = Text(item, "targeting_type");
                string? value = Text(item, "targeting_value");
                var values = Values(item.TryGetProperty("metrics", out var metrics) ? metrics : default);
                values[_targetingTypeOrdinal] = type;
                values[_targetingValueOrdinal] = value;
                if (names != null && type != null && value != null)
                {
                    if (!known.TryGetValue((type, value), out var name))
                        known[(type, value)] = name = await names(type, value, ct).ConfigureAwait(false);
                    values[_targetingNameOrdinal] = name;
                }
                rows.Add(Activator.Create(values));
            }
            return rows;
        }

        private object?[] Values(JsonElement item)
        {
            var values = Activator.CreateBuffer();
            values[0] = _adAccountId;
            values[1] = _currency;
            values[2] = _level;
            var columns = Schema.Columns;
            for (int i = _firstDataOrdinal; i < values.Length; i++)
                values[i] = ValueParser.Missing(columns[i].Kind, _zeroFill);
            // The ad account level's row is the account itself, whether or not the API repeats its id.
            if (_accountLevel) values[_entityIdOrdinal] = _adAccountId;
            if (item.ValueKind != JsonValueKind.Object) return values;

            foreach (var property in item.EnumerateObject())
            {
                int ordinal = Schema.IndexOf(property.Name);
                if (ordinal < _firstDataOrdinal || ordinal == _targetingTypeOrdinal || ordinal == _targetingValueOrdinal || ordinal == _targetingNameOrdinal)
                    continue;
                values[ordinal] = Convert(columns[ordinal].Kind, property.Value);
            }
            return values;
        }

        /// <summary>A JSON value as the column's typed value (see <see cref="ValueParser"/> for the fallback rule).</summary>
        private object? Convert(ColumnKind kind, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return ValueParser.Missing(kind, _zeroFill);
                case JsonValueKind.String:
                    string text = value.GetString() ?? "";
                    return kind == ColumnKind.Text ? text : ValueParser.Parse(kind, Encoding.UTF8.GetBytes(text), _zeroFill);
                case JsonValueKind.Number:
                    string raw = value.GetRawText();
                    return kind == ColumnKind.Text ? raw : ValueParser.Parse(kind, Encoding.UTF8.GetBytes(raw), _zeroFill);
                case JsonValueKind.True:
                case JsonValueKind.False:
                    bool flag = value.ValueKind == JsonValueKind.True;
                    return kind == ColumnKind.Text ? (flag ? "true" : "false") : (object)flag;
                default:
                    return value.GetRawText();
            }
        }

        private static string? Text(JsonElement item, string name)
        {
            if (!item.TryGetProperty(name, out var value)) return null;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
        }

        /// <summary>The row objects: a top-level array, or the array under <paramref name="wrapper"/>.</summary>
        private static IEnumerable<JsonElement> Items(JsonElement root, string wrapper)
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(wrapper, out var inner)) root = inner;
            if (root.ValueKind != JsonValueKind.Array)
                throw new PinterestException("UnexpectedResponse", PinErrorKind.InvalidData,
                    $"Pinterest answered with a {root.ValueKind} where an array of rows was expected.");
            foreach (var item in root.EnumerateArray()) yield return item;
        }
    }
}
