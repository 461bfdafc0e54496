using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds.Engine.Resources
{
    /// <summary>
    /// Reads a <c>TargetingOptionResponse</c> into flat options. The description types it loosely (an array
    /// of free-form objects) and shows a map of id to name, <c>[{"500": "U.S.: Portland-Auburn", ...}]</c>;
    /// servers also send records, <c>[{"id": "500", "name": "...", "children": [...]}]</c>. Both are read,
    /// and nested options (GEO regions under countries) are flattened with their parent, parent first.
    /// </summary>
    internal static class TargetingOptionParser
    {
        private const string IdField = "id";
        private static readonly string[] NameFields = { "name", "label" };
        private static readonly string[] ChildFields = { "children", "regions", "subregions", "sub_regions", "options", "items" };

        public static IReadOnlyList<PinTargetingOption> Parse(JsonElement root, string targetingType, string? adAccountId)
        {
            var options = new List<PinTargetingOption>();
            ReadAny(root, null, targetingType, adAccountId, options);
            return options;
        }

        private static void ReadAny(JsonElement element, PinTargetingOption? parent, string type, string? account, List<PinTargetingOption> into)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) ReadAny(item, parent, type, account, into);
                    break;
                case JsonValueKind.Object when FirstString(element, new[] { IdField }) != null:
                    ReadRecord(element, parent, type, account, into);
                    break;
                case JsonValueKind.Object:
                    ReadMap(element, parent, type, account, into);
                    break;
                case JsonValueKind.String:
                case JsonValueKind.Number:
                    string value = JsonValues.ToValue(element)!.ToString()!;
                    into.Add(new PinTargetingOption(type, value, value, account, parent, NoFields));
                    break;
            }
        }

        /// <summary><c>{"id": "US", "name": "United States", "children": [...], ...other fields}</c></summary>
        private static void ReadRecord(JsonElement record, PinTargetingOption? parent, string type, string? account, List<PinTargetingOption> into)
        {
            string id = FirstString(record, new[] { IdField })!;
            string? nameField = NameFields.FirstOrDefault(f => FirstString(record, new[] { f }) != null);
            string? name = nameField != null ? FirstString(record, new[] { nameField }) : null;
            string? childField = ChildField(record);
            var fields = OtherFields(record, IdField, nameField, childField);
            var option = new PinTargetingOption(type, id, name, account, parent, fields);
            into.Add(option);
            if (childField != null) ReadAny(record.GetProperty(childField), option, type, account, into);
        }

        /// <summary><c>{"500": "U.S.: Portland-Auburn", "US": {"name": "United States", "regions": {...}}}</c></summary>
        private static void ReadMap(JsonElement map, PinTargetingOption? parent, string type, string? account, List<PinTargetingOption> into)
        {
            foreach (var entry in map.EnumerateObject())
            {
                var value = entry.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                    case JsonValueKind.Number:
                        into.Add(new PinTargetingOption(type, entry.Name, JsonValues.ToValue(value)!.ToString(), account, parent, NoFields));
                        break;
                    case JsonValueKind.Object:
                    {
                        string? nameField = NameFields.FirstOrDefault(f => FirstString(value, new[] { f }) != null);
                        string? name = nameField != null ? FirstString(value, new[] { nameField }) : null;
                        string? childField = ChildField(value);
                        if (name == null && childField == null)
                        {
                            // A bare group of options under a key: the key names the group.
                            var group = new PinTargetingOption(type, entry.Name, entry.Name, account, parent, NoFields);
                            into.Add(group);
                            ReadMap(value, group, type, account, into);
                            break;
                        }
                        var option = new PinTargetingOption(type, entry.Name, name, account, parent, OtherFields(value, null, nameField, childField));
                        into.Add(option);
                        if (childField != null) ReadAny(value.GetProperty(childField), option, type, account, into);
                        break;
                    }
                    case JsonValueKind.Array:
                    {
                        var group = new PinTargetingOption(type, entry.Name, entry.Name, account, parent, NoFields);
                        into.Add(group);
                        ReadAny(value, group, type, account, into);
                        break;
                    }
                }
            }
        }

        /// <summary>The field holding nested options, if any.</summary>
        private static string? ChildField(JsonElement json) =>
            ChildFields.FirstOrDefault(f => json.TryGetProperty(f, out var c) && (c.ValueKind == JsonValueKind.Array || c.ValueKind == JsonValueKind.Object));

        /// <summary>Every field except those read into the option's own properties, so nothing the API sends is lost.</summary>
        private static IReadOnlyDictionary<string, object?> OtherFields(JsonElement json, string? idField, string? nameField, string? childField) =>
            JsonValues.Fields(json).Where(f => f.Key != idField && f.Key != nameField && f.Key != childField)
                .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

        private static string? FirstString(JsonElement json, string[] names)
        {
            if (json.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in names)
            {
                string? value = JsonValues.String(json, name);
                if (!string.IsNullOrEmpty(value)) return value;
            }
            return null;
        }

        private static readonly IReadOnlyDictionary<string, object?> NoFields = new Dictionary<string, object?>();
    }
}
