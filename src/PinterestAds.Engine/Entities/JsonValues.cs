using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Engine.Entities
{
    /// <summary>Lenient readers for entity fields (absent and null both read as null).</summary>
    internal static class JsonValues
    {
        public static string? String(JsonElement json, string name)
        {
            if (!json.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }

        public static long? Long(JsonElement json, string name) =>
            json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : (long?)null;

        public static decimal? Decimal(JsonElement json, string name) =>
            json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out decimal d) ? d : (decimal?)null;

        public static bool? Bool(JsonElement json, string name) =>
            json.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : (bool?)null;

        /// <summary>Unix seconds as a UTC time.</summary>
        public static DateTimeOffset? UnixTime(JsonElement json, string name) =>
            Long(json, name) is long seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;

        public static string[] Strings(JsonElement json, string name) =>
            json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText()).ToArray()
                : Array.Empty<string>();

        /// <summary>Every field of an object as plain .NET values, so no field the API sends is lost.</summary>
        public static IReadOnlyDictionary<string, object?> Fields(JsonElement json)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (json.ValueKind == JsonValueKind.Object)
                foreach (var property in json.EnumerateObject()) fields[property.Name] = ToValue(property.Value);
            return fields;
        }

        public static object? ToValue(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out long n) ? n : (object)value.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => value.EnumerateArray().Select(ToValue).ToArray(),
            JsonValueKind.Object => Fields(value),
            _ => null,
        };
    }
}
