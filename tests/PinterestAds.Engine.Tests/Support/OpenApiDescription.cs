using System.Text.Json.Nodes;

namespace PinterestAds.Engine.Tests.Support;

/// <summary>Pinterest's OpenAPI description from ../shared/pinterest-api (relative to the repo root), for tests that read its facts.</summary>
internal static class OpenApiDescription
{
    private static readonly Lazy<JsonNode> Document = new(Load);

    public static JsonNode Root => Document.Value;

    /// <summary>Every operation of the description, by operationId.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Operations()
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, item) in Root["paths"]!.AsObject())
            foreach (var (_, op) in item!.AsObject())
                if (op is JsonObject o && o["operationId"] is JsonValue id) result[(string)id!] = o;
        return result;
    }

    private static JsonNode Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "PinterestAds.sln"))) continue;
            var file = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "pinterest-api", "openapi.json"));
            if (File.Exists(file)) return JsonNode.Parse(File.ReadAllText(file))!;
            break;
        }
        throw new FileNotFoundException("openapi.json not found: put Pinterest's description at ../shared/pinterest-api/openapi.json (relative to the repo root).");
    }
}
