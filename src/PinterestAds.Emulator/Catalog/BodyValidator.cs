using System.Text.Json;

namespace PinterestAds.Emulator.Catalog;

/// <summary>
/// Validates a JSON request body against a flattened body schema of the catalogue: no unknown fields,
/// required fields present (nested objects' too), and each value's type, enum, pattern, limits and items as described.
/// </summary>
internal static class BodyValidator
{
    public static JsonElement Validate(BodySpec spec, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest($"The request body must be a JSON object ({spec.Name}).");
        foreach (var property in body.EnumerateObject())
        {
            if (!spec.Properties.TryGetValue(property.Name, out var facts))
                throw ApiException.BadRequest(
                    $"Unknown field '{property.Name}' in the request body; {spec.Name} accepts: {string.Join(", ", spec.Properties.Keys)}.");
            CheckValue(property.Name, facts, property.Value);
        }
        foreach (var required in spec.Required)
        {
            if (!body.TryGetProperty(required, out var v) || v.ValueKind == JsonValueKind.Null)
                throw ApiException.BadRequest($"Missing required field '{required}' in the request body ({spec.Name}).");
        }
        return body;
    }

    private static void CheckValue(string path, SchemaFacts facts, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return;
        switch (facts.Type)
        {
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                    throw ApiException.BadRequest($"Field '{path}' must be a string; got {Describe(value)}.");
                ParameterValidator.CheckString(path, facts, value.GetString()!, "field");
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var l))
                    throw ApiException.BadRequest($"Field '{path}' must be an integer; got {Describe(value)}.");
                ParameterValidator.CheckInteger(path, facts, l, "field");
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                    throw ApiException.BadRequest($"Field '{path}' must be a number; got {Describe(value)}.");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw ApiException.BadRequest($"Field '{path}' must be true or false; got {Describe(value)}.");
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                    throw ApiException.BadRequest($"Field '{path}' must be a JSON array; got {Describe(value)}.");
                var count = value.GetArrayLength();
                if (facts.MinItems is { } min && count < min)
                    throw ApiException.BadRequest($"Field '{path}' needs at least {min} item(s); got {count}.");
                if (facts.MaxItems is { } max && count > max)
                    throw ApiException.BadRequest($"Field '{path}' allows at most {max} items; got {count}. Split the request.");
                if (facts.Items is { } items)
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) CheckValue($"{path}[{i++}]", items, item);
                }
                break;
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                    throw ApiException.BadRequest($"Field '{path}' must be a JSON object; got {Describe(value)}.");
                if (facts.Properties is { } props)
                {
                    foreach (var p in value.EnumerateObject())
                    {
                        if (!props.TryGetValue(p.Name, out var pf))
                            throw ApiException.BadRequest($"Unknown field '{path}.{p.Name}'; allowed: {string.Join(", ", props.Keys)}.");
                        CheckValue($"{path}.{p.Name}", pf, p.Value);
                    }
                }
                foreach (var required in facts.RequiredFields)
                {
                    if (!value.TryGetProperty(required, out var v) || v.ValueKind == JsonValueKind.Null)
                        throw ApiException.BadRequest($"Missing required field '{path}.{required}' in the request body.");
                }
                break;
        }
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{ParameterValidator.Shorten(v.GetString()!)}\"",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => v.GetRawText(),
    };
}
