using System.Reflection;
using System.Text.Json;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Tests.Rows;

/// <summary>Reads the column enums from the API catalogue embedded in the engine.</summary>
internal static class CatalogColumns
{
    public static IReadOnlyList<string> Sync() => Load().Sync;

    public static IReadOnlyList<string> Async() => Load().Async;

    private static (List<string> Sync, List<string> Async) Load()
    {
        Assembly engine = typeof(ColumnClassifier).Assembly;
        using Stream stream = engine.GetManifestResourceStream("PinterestAds.api-catalog.json")
            ?? throw new InvalidOperationException("api-catalog.json is not embedded in the engine.");
        using JsonDocument catalog = JsonDocument.Parse(stream);

        var sync = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonElement operation in catalog.RootElement.GetProperty("operations").EnumerateArray())
        {
            foreach (JsonElement parameter in operation.GetProperty("parameters").EnumerateArray())
            {
                if (parameter.GetProperty("name").GetString() != "columns") continue;
                foreach (JsonElement value in parameter.GetProperty("items").GetProperty("enum").EnumerateArray())
                {
                    sync.Add(value.GetString()!);
                }
            }
        }

        var async = catalog.RootElement.GetProperty("bodies").GetProperty("AdsAnalyticsCreateAsyncRequest")
            .GetProperty("properties").GetProperty("columns").GetProperty("items").GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString()!).ToList();
        return (sync.ToList(), async);
    }
}
