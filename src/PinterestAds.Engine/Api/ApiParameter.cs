using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Engine.Api
{
    /// <summary>The facts of one schema: type, enum, and the limits the API enforces on it.</summary>
    internal class ApiSchemaFacts
    {
        public string? Type { get; protected set; }
        public string? Format { get; protected set; }
        public IReadOnlyList<string>? Enum { get; protected set; }
        public int? MinItems { get; protected set; }
        public int? MaxItems { get; protected set; }
        public double? Minimum { get; protected set; }
        public double? Maximum { get; protected set; }
        public string? Pattern { get; protected set; }
        public int? MaxLength { get; protected set; }
        public ApiSchemaFacts? Items { get; protected set; }
        public IReadOnlyDictionary<string, ApiSchemaFacts>? Properties { get; protected set; }

        /// <summary>The fields an object (e.g. an item of <c>custom_conversion_event_metrics</c>) must carry; empty when none.</summary>
        public IReadOnlyList<string> RequiredFields { get; protected set; } = Array.Empty<string>();

        public bool IsArray => Type == "array";

        /// <summary>The enum allowed for a value, or for the items of an array.</summary>
        public IReadOnlyList<string>? AllowedValues => Enum ?? Items?.Enum;

        internal static ApiSchemaFacts FromJson(JsonElement json)
        {
            var facts = new ApiSchemaFacts();
            facts.Fill(json);
            return facts;
        }

        protected void Fill(JsonElement json)
        {
            Type = OptionalString(json, "type");
            Format = OptionalString(json, "format");
            Pattern = OptionalString(json, "pattern");
            MinItems = OptionalInt(json, "minItems");
            MaxItems = OptionalInt(json, "maxItems");
            MaxLength = OptionalInt(json, "maxLength");
            Minimum = json.TryGetProperty("minimum", out var min) ? min.GetDouble() : (double?)null;
            Maximum = json.TryGetProperty("maximum", out var max) ? max.GetDouble() : (double?)null;
            if (json.TryGetProperty("enum", out var values))
                Enum = values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray();
            if (json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
                Items = FromJson(items);
            if (json.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                Properties = props.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal);
            // A parameter's "required" is a boolean (read by ApiParameter); an object schema's is a list of field names.
            if (json.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
                RequiredFields = required.EnumerateArray().Select(r => r.GetString()!).ToArray();
        }

        private static string? OptionalString(JsonElement json, string name) =>
            json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static int? OptionalInt(JsonElement json, string name) =>
            json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : (int?)null;
    }

    /// <summary>A path or query parameter of an operation, with its encoding.</summary>
    internal sealed class ApiParameter : ApiSchemaFacts
    {
        private ApiParameter(string name, string location, bool required, bool explode)
        {
            Name = name;
            Location = location;
            Required = required;
            Explode = explode;
        }

        public string Name { get; }
        /// <summary><c>path</c> or <c>query</c>.</summary>
        public string Location { get; }
        public bool Required { get; }
        /// <summary>
        /// For query arrays: true repeats the name per value (<c>ids=1&amp;ids=2</c>), false joins the values
        /// with commas (<c>columns=A,B</c>). OpenAPI's default for form style is true.
        /// </summary>
        public bool Explode { get; }

        internal static new ApiParameter FromJson(JsonElement json)
        {
            bool explode = !json.TryGetProperty("explode", out var e) || e.ValueKind != JsonValueKind.False;
            var parameter = new ApiParameter(
                json.GetProperty("name").GetString()!,
                json.GetProperty("in").GetString()!,
                json.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True,
                explode);
            parameter.Fill(json);
            return parameter;
        }
    }
}
