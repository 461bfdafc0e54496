using System.Reflection;
using System.Text.Json;

namespace PinterestAds.Emulator.Catalog;

/// <summary>
/// The generated extract of Pinterest's OpenAPI description (operations, parameters, request bodies),
/// embedded as a resource so that the emulator enforces exactly what the description says.
/// </summary>
internal sealed class ApiCatalog
{
    private readonly Dictionary<string, OperationSpec> _operations;
    private readonly Dictionary<string, BodySpec> _bodies;

    private ApiCatalog(Dictionary<string, OperationSpec> operations, Dictionary<string, BodySpec> bodies)
    {
        _operations = operations;
        _bodies = bodies;
    }

    private static readonly Lazy<ApiCatalog> Shared = new(Load);

    /// <summary>The catalogue of this build (parsed once per process).</summary>
    public static ApiCatalog Instance => Shared.Value;

    public IReadOnlyCollection<OperationSpec> Operations => _operations.Values;

    public OperationSpec Operation(string operationId) =>
        _operations.TryGetValue(operationId, out var op)
            ? op
            : throw new InvalidOperationException($"Operation '{operationId}' is not in the API catalogue.");

    public BodySpec Body(string schemaName) =>
        _bodies.TryGetValue(schemaName, out var body)
            ? body
            : throw new InvalidOperationException($"Request body '{schemaName}' is not in the API catalogue.");

    /// <summary>The sync analytics column names (the same enum on every sync analytics operation).</summary>
    public IReadOnlyList<string> SyncColumns => Operation("ad_account/analytics").Parameter("columns").Items!.Enum!;

    /// <summary>The async report column names.</summary>
    public IReadOnlyList<string> AsyncColumns => Body("AdsAnalyticsCreateAsyncRequest").Properties["columns"].Items!.Enum!;

    /// <summary>The columns of Marketing Mix Modeling reports (a few, such as ADVERTISER_NAME, exist only there).</summary>
    public IReadOnlyList<string> MmmColumns => Body("CreateMMMReportRequest").Properties["columns"].Items!.Enum!;

    private static ApiCatalog Load()
    {
        using var stream = typeof(ApiCatalog).Assembly.GetManifestResourceStream("PinterestAds.api-catalog.json")
            ?? throw new InvalidOperationException("Embedded resource PinterestAds.api-catalog.json is missing.");
        using var doc = JsonDocument.Parse(stream);
        var operations = new Dictionary<string, OperationSpec>(StringComparer.Ordinal);
        foreach (var op in doc.RootElement.GetProperty("operations").EnumerateArray())
        {
            var parameters = op.GetProperty("parameters").EnumerateArray().Select(ParameterSpec.FromJson).ToList();
            string? bodySchema = null;
            if (op.TryGetProperty("requestBody", out var body) && body.ValueKind == JsonValueKind.Object)
                bodySchema = body.GetProperty("schema").GetString();
            var spec = new OperationSpec(
                op.GetProperty("operationId").GetString()!,
                op.GetProperty("method").GetString()!,
                op.GetProperty("path").GetString()!,
                op.GetProperty("rateLimitCategory").GetString() ?? "ads_read",
                parameters,
                bodySchema,
                AvailableInSandbox: !op.TryGetProperty("sandbox", out var sandbox) || sandbox.GetString() != "disabled",
                AllowsClientCredentials: op.TryGetProperty("security", out var security) && security.ValueKind == JsonValueKind.Array
                    && security.EnumerateArray().Any(s => s.GetString()?.StartsWith("client_credentials:", StringComparison.Ordinal) == true));
            operations[spec.OperationId] = spec;
        }
        var bodies = new Dictionary<string, BodySpec>(StringComparer.Ordinal);
        foreach (var body in doc.RootElement.GetProperty("bodies").EnumerateObject())
        {
            var required = body.Value.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToList();
            var props = body.Value.GetProperty("properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => SchemaFacts.FromJson(p.Value), StringComparer.Ordinal);
            bodies[body.Name] = new BodySpec(body.Name, required, props);
        }
        return new ApiCatalog(operations, bodies);
    }
}

internal sealed record OperationSpec(
    string OperationId, string Method, string Path, string RateLimitCategory,
    IReadOnlyList<ParameterSpec> Parameters, string? BodySchema, bool AvailableInSandbox = true, bool AllowsClientCredentials = true)
{
    public ParameterSpec Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new InvalidOperationException($"{OperationId} has no parameter '{name}'.");
}

internal sealed record BodySpec(string Name, IReadOnlyList<string> Required, IReadOnlyDictionary<string, SchemaFacts> Properties);

/// <summary>One query or path parameter with the facts the description gives about it.</summary>
internal sealed record ParameterSpec(string Name, string In, bool Required, SchemaFacts Schema, bool Explode)
{
    public static ParameterSpec FromJson(JsonElement e)
    {
        var schema = SchemaFacts.FromJson(e);
        // OpenAPI default for query arrays is style=form, explode=true.
        var explode = !e.TryGetProperty("explode", out var x) || x.GetBoolean();
        return new ParameterSpec(
            e.GetProperty("name").GetString()!,
            e.GetProperty("in").GetString()!,
            e.TryGetProperty("required", out var r) && r.GetBoolean(),
            schema,
            explode);
    }

    public SchemaFacts? Items => Schema.Items;
}

/// <summary>The validation facts of a schema: type, enum, limits, pattern, nested items/properties.</summary>
internal sealed record SchemaFacts(
    string? Type, string? Format, IReadOnlyList<string>? Enum, IReadOnlyList<long>? IntEnum,
    int? MinItems, int? MaxItems, double? Minimum, double? Maximum, string? Pattern, int? MaxLength,
    JsonElement? Default, SchemaFacts? Items, IReadOnlyDictionary<string, SchemaFacts>? Properties,
    IReadOnlyList<string> RequiredFields)
{
    public static SchemaFacts FromJson(JsonElement e)
    {
        string? Str(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        double? Dbl(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

        List<string>? strEnum = null;
        List<long>? intEnum = null;
        if (e.TryGetProperty("enum", out var en) && en.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in en.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) (strEnum ??= new()).Add(item.GetString()!);
                else if (item.ValueKind == JsonValueKind.Number) (intEnum ??= new()).Add(item.GetInt64());
            }
        }
        SchemaFacts? items = e.TryGetProperty("items", out var it) && it.ValueKind == JsonValueKind.Object ? FromJson(it) : null;
        Dictionary<string, SchemaFacts>? props = null;
        if (e.TryGetProperty("properties", out var ps) && ps.ValueKind == JsonValueKind.Object)
            props = ps.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal);
        JsonElement? def = e.TryGetProperty("default", out var d) ? d.Clone() : null;
        // An object schema's "required" lists field names (a parameter's is a boolean, read by ParameterSpec).
        var required = e.TryGetProperty("required", out var rq) && rq.ValueKind == JsonValueKind.Array
            ? rq.EnumerateArray().Select(x => x.GetString()!).ToList()
            : new List<string>();
        return new SchemaFacts(Str("type"), Str("format"), strEnum, intEnum, Int("minItems"), Int("maxItems"),
            Dbl("minimum"), Dbl("maximum"), Str("pattern"), Int("maxLength"), def, items, props, required);
    }
}
