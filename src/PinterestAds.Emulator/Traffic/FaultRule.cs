using System.Text.Json.Serialization;

namespace PinterestAds.Emulator.Traffic;

/// <summary>
/// A fault to inject. <see cref="Target"/> is an operationId (e.g. <c>campaigns/analytics</c>),
/// <c>store</c> (object-store downloads) or <c>*</c> (any API call). It fires for the next
/// <see cref="Count"/> matching requests, or with <see cref="Probability"/> (deterministic for the seed).
/// </summary>
public sealed class FaultRule
{
    /// <summary>
    /// status | latency | reset | truncate | stall | expired-link | expire-access (every access token expires
    /// while the matching request is handled: it is answered, every later call with those tokens meets 401).
    /// </summary>
    [JsonPropertyName("kind")] public string Kind { get; set; } = "status";
    [JsonPropertyName("target")] public string Target { get; set; } = "*";
    /// <summary>HTTP status for kind=status: 500, 502, 503 or 429.</summary>
    [JsonPropertyName("status")] public int Status { get; set; } = 503;
    [JsonPropertyName("count")] public int? Count { get; set; }
    [JsonPropertyName("probability")] public double? Probability { get; set; }
    /// <summary>For 429: the Retry-After header, seconds. For 400: answer "Retry after N seconds" (the field-reported transient 400).</summary>
    [JsonPropertyName("retryAfterSeconds")] public int? RetryAfterSeconds { get; set; }
    /// <summary>For 429: the X-RateLimit-Reset header, seconds (e.g. 64800 after a daily limit).</summary>
    [JsonPropertyName("rateLimitResetSeconds")] public int? RateLimitResetSeconds { get; set; }
    /// <summary>For kind=latency: milliseconds added.</summary>
    [JsonPropertyName("latencyMs")] public int LatencyMs { get; set; }
    /// <summary>For reset/truncate/stall: bytes of the body sent before the fault (default: half of it, at least 1).</summary>
    [JsonPropertyName("afterBytes")] public long? AfterBytes { get; set; }

    public FaultRule Clone() => (FaultRule)MemberwiseClone();

    internal static readonly string[] Kinds = { "status", "latency", "reset", "truncate", "stall", "expired-link", "expire-access" };
}
