using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Engine.Api
{
    /// <summary>
    /// The facts of Pinterest's OpenAPI description that the module needs at run time: every covered
    /// operation with its parameters (types, enums, limits, encodings) and the flattened request bodies.
    /// Loaded once from the embedded <c>api-catalog.json</c>, which tools/Update-ApiCatalog.ps1 generates.
    /// </summary>
    internal sealed class ApiCatalog
    {
        private static readonly Lazy<ApiCatalog> Instance = new Lazy<ApiCatalog>(Load);

        private readonly Dictionary<string, ApiOperation> _operations;
        private readonly Dictionary<string, ApiBody> _bodies;

        private ApiCatalog(Dictionary<string, ApiOperation> operations, Dictionary<string, ApiBody> bodies, string source)
        {
            _operations = operations;
            _bodies = bodies;
            Source = source;
        }

        public static ApiCatalog Current => Instance.Value;

        /// <summary>Which release of the description the catalogue was generated from.</summary>
        public string Source { get; }

        public IEnumerable<ApiOperation> Operations => _operations.Values;

        public ApiOperation Operation(string operationId) =>
            _operations.TryGetValue(operationId, out var op)
                ? op
                : throw new KeyNotFoundException($"Operation '{operationId}' is not in the API catalogue.");

        public ApiBody Body(string schemaName) =>
            _bodies.TryGetValue(schemaName, out var body)
                ? body
                : throw new KeyNotFoundException($"Request body '{schemaName}' is not in the API catalogue.");

        private static ApiCatalog Load()
        {
            using var stream = typeof(ApiCatalog).Assembly.GetManifestResourceStream("PinterestAds.api-catalog.json")
                ?? throw new InvalidOperationException("The embedded API catalogue is missing from the engine assembly.");
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;

            var operations = new Dictionary<string, ApiOperation>(StringComparer.Ordinal);
            foreach (var op in root.GetProperty("operations").EnumerateArray())
            {
                var parameters = op.GetProperty("parameters").EnumerateArray()
                    .Select(p => ApiParameter.FromJson(p))
                    .ToDictionary(p => p.Name, StringComparer.Ordinal);
                string? bodySchema = op.TryGetProperty("requestBody", out var body) && body.ValueKind == JsonValueKind.Object
                    ? body.GetProperty("schema").GetString()
                    : null;
                var operation = new ApiOperation(
                    op.GetProperty("operationId").GetString()!,
                    op.GetProperty("method").GetString()!,
                    op.GetProperty("path").GetString()!,
                    op.GetProperty("rateLimitCategory").GetString() ?? "unknown",
                    string.Equals(op.GetProperty("sandbox").GetString(), "enabled", StringComparison.Ordinal),
                    parameters,
                    bodySchema,
                    allowsClientCredentials: op.TryGetProperty("security", out var security) && security.ValueKind == JsonValueKind.Array
                        && security.EnumerateArray().Any(s => (s.GetString() ?? "").StartsWith("client_credentials:", StringComparison.Ordinal)));
                operations[operation.Id] = operation;
            }

            var bodies = new Dictionary<string, ApiBody>(StringComparer.Ordinal);
            foreach (var body in root.GetProperty("bodies").EnumerateObject())
            {
                var required = body.Value.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToArray();
                var properties = body.Value.GetProperty("properties").EnumerateObject()
                    .ToDictionary(p => p.Name, p => ApiSchemaFacts.FromJson(p.Value), StringComparer.Ordinal);
                bodies[body.Name] = new ApiBody(body.Name, required, properties);
            }

            return new ApiCatalog(operations, bodies, root.GetProperty("source").GetString() ?? "");
        }
    }
}
