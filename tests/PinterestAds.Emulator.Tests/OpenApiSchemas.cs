using System.Text.Json.Nodes;
using Json.Schema;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// Loads Pinterest's openapi.json (from ../shared relative to the repo root, or $PINTEREST_OPENAPI) and turns
/// a response schema into a JSON Schema that JsonSchema.Net evaluates: component $refs become $defs, and
/// OpenAPI 3.0 "nullable" becomes an explicit null alternative.
/// </summary>
public static class OpenApiSchemas
{
    private static readonly Lazy<JsonNode?> Document = new(Load);

    public static string? Path
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("PINTEREST_OPENAPI");
            if (!string.IsNullOrEmpty(fromEnv)) return File.Exists(fromEnv) ? fromEnv : null;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "PinterestAds.sln")))
                {
                    var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "pinterest-api", "openapi.json"));
                    return File.Exists(candidate) ? candidate : null;
                }
            }
            return null;
        }
    }

    public static bool Available => Document.Value is not null;

    public const string MissingMessage = "openapi.json not found: put Pinterest's description at ../shared/pinterest-api/openapi.json (relative to the repo root) or set PINTEREST_OPENAPI.";

    /// <summary>The whole description, for tests that read its prose or schema facts.</summary>
    public static JsonNode Description => Document.Value ?? throw new InvalidOperationException(MissingMessage);

    private static JsonNode? Load() => Path is { } p ? JsonNode.Parse(File.ReadAllText(p)) : null;

    /// <summary>The schema of an operation's response for a status (e.g. "200").</summary>
    public static JsonSchema ResponseSchema(string path, string method, string status)
    {
        var doc = Document.Value ?? throw new InvalidOperationException(MissingMessage);
        var schema = doc["paths"]![path]![method.ToLowerInvariant()]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
        var defs = new JsonObject();
        foreach (var (name, value) in doc["components"]!["schemas"]!.AsObject()) defs[name] = Convert(value!);
        var root = (JsonObject)Convert(schema);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = defs;
        return JsonSchema.FromText(root.ToJsonString());
    }

    private static JsonNode Convert(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "nullable" or "discriminator" or "example" or "examples" or "xml") continue;
                    // OpenAPI 3.0 writes exclusiveMinimum/Maximum as booleans; JSON Schema wants numbers.
                    if (key is "exclusiveMinimum" or "exclusiveMaximum" && value is JsonValue b && b.TryGetValue<bool>(out _)) continue;
                    if (key == "$ref") copy[key] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/");
                    else copy[key] = value is null ? null : Convert(value);
                }
                if (obj["nullable"] is JsonValue n && n.GetValue<bool>())
                    return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, copy) };
                return copy;
            }
            case JsonArray array:
                return new JsonArray(array.Select(x => x is null ? null : Convert(x)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    public static void AssertValid(JsonSchema schema, JsonNode? instance, string what)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;
        var errors = result.Details.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(10);
        Assert.Fail($"{what} does not validate against the description: {string.Join("; ", errors)}\n{instance?.ToJsonString()[..Math.Min(600, instance.ToJsonString().Length)]}");
    }
}
