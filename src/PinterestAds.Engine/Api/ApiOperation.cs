using System.Collections.Generic;

namespace PinterestAds.Engine.Api
{
    /// <summary>One operation of the API description: where it lives and what it accepts.</summary>
    internal sealed class ApiOperation
    {
        public ApiOperation(string id, string method, string pathTemplate, string rateLimitCategory, bool availableInSandbox,
            IReadOnlyDictionary<string, ApiParameter> parameters, string? bodySchema, bool allowsClientCredentials = true)
        {
            AllowsClientCredentials = allowsClientCredentials;
            Id = id;
            Method = method;
            PathTemplate = pathTemplate;
            RateLimitCategory = rateLimitCategory;
            AvailableInSandbox = availableInSandbox;
            Parameters = parameters;
            BodySchema = bodySchema;
        }

        public string Id { get; }
        public string Method { get; }
        public string PathTemplate { get; }
        /// <summary>The description's <c>x-ratelimit-category</c>; requests share a client-side budget per category.</summary>
        public string RateLimitCategory { get; }
        /// <summary>The description's <c>x-sandbox</c> is not <c>disabled</c>.</summary>
        public bool AvailableInSandbox { get; }

        /// <summary>The description's security lists a <c>client_credentials</c> scheme: an app token (no user) may call it.</summary>
        public bool AllowsClientCredentials { get; }
        /// <summary>
        /// The operation answers analytics rows synchronously (GET .../analytics or .../targeting_analytics, every
        /// level). Field reports: these sometimes answer 400 "Retry after N seconds" or a transient code 12, which
        /// the retry handler retries for them and only them.
        /// </summary>
        public bool RetriesTransientBadRequest =>
            Method == "GET" && (PathTemplate.EndsWith("/analytics", System.StringComparison.Ordinal)
                                || PathTemplate.EndsWith("/targeting_analytics", System.StringComparison.Ordinal));

        public IReadOnlyDictionary<string, ApiParameter> Parameters { get; }
        public string? BodySchema { get; }

        public ApiParameter Parameter(string name) =>
            Parameters.TryGetValue(name, out var p)
                ? p
                : throw new KeyNotFoundException($"Operation '{Id}' has no parameter '{name}'.");

        public override string ToString() => $"{Method} {PathTemplate} ({Id})";
    }

    /// <summary>A request body schema with its properties flattened (allOf resolved).</summary>
    internal sealed class ApiBody
    {
        public ApiBody(string name, IReadOnlyList<string> required, IReadOnlyDictionary<string, ApiSchemaFacts> properties)
        {
            Name = name;
            Required = required;
            Properties = properties;
        }

        public string Name { get; }
        public IReadOnlyList<string> Required { get; }
        public IReadOnlyDictionary<string, ApiSchemaFacts> Properties { get; }
    }
}
