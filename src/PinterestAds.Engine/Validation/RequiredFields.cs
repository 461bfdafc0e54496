using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Validation
{
    /// <summary>
    /// Checks a written request body against the required lists of its schema in the API catalogue: the
    /// body's own (<c>level</c>, <c>columns</c>, ...) and those of nested objects, such as every item of
    /// <c>custom_conversion_event_metrics</c> (<c>custom_event_name</c>) or of <c>metrics_filters</c>.
    /// Runs before any request, so a body the API would refuse with 400 is never sent.
    /// </summary>
    internal static class RequiredFields
    {
        /// <param name="schema">The body's schema in the catalogue.</param>
        /// <param name="utf8Json">The body as written.</param>
        /// <param name="sources">Per top-level field: the PowerShell parameter behind it, and how to give what is missing.</param>
        public static void Check(ApiBody schema, byte[] utf8Json, IReadOnlyDictionary<string, (string Parameter, string Fix)> sources)
        {
            using var document = JsonDocument.Parse(utf8Json);
            var root = document.RootElement;
            foreach (string field in schema.Required)
            {
                if (!Present(root, field))
                    throw Missing(field, sources, $"the request body lacks {field}, which {schema.Name} requires");
            }
            foreach (var property in root.EnumerateObject())
            {
                if (schema.Properties.TryGetValue(property.Name, out var facts))
                    CheckValue(property.Name, property.Name, facts, property.Value, sources);
            }
        }

        private static void CheckValue(string topField, string path, ApiSchemaFacts facts, JsonElement value, IReadOnlyDictionary<string, (string Parameter, string Fix)> sources)
        {
            if (value.ValueKind == JsonValueKind.Array && facts.Items != null)
            {
                int index = 0;
                foreach (var item in value.EnumerateArray())
                    CheckValue(topField, $"{path}[{index++}]", facts.Items, item, sources);
                return;
            }
            if (value.ValueKind != JsonValueKind.Object) return;
            foreach (string field in facts.RequiredFields)
            {
                if (!Present(value, field))
                    throw Missing(topField, sources,
                        $"{path} lacks {field}, which the API requires in every {topField} item (required: {string.Join(", ", facts.RequiredFields)})");
            }
            if (facts.Properties == null) return;
            foreach (var property in value.EnumerateObject())
            {
                if (facts.Properties.TryGetValue(property.Name, out var nested))
                    CheckValue(topField, $"{path}.{property.Name}", nested, property.Value, sources);
            }
        }

        private static bool Present(JsonElement obj, string field) =>
            obj.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

        private static PinterestValidationException Missing(string topField, IReadOnlyDictionary<string, (string Parameter, string Fix)> sources, string what)
        {
            bool known = sources.TryGetValue(topField, out var source);
            string parameter = known ? source.Parameter : topField;
            string fix = known ? " " + source.Fix : "";
            return new PinterestValidationException(ErrorIds.RequiredFieldMissing, parameter, $"-{parameter}: {what}.{fix}");
        }
    }
}
