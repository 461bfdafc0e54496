using System.Text.Json;
using System.Text.Json.Serialization;

namespace PinterestAds.HostileServer;

/// <summary>How a scripted answer misbehaves.</summary>
internal enum HostileMode
{
    /// <summary>The body as given, with a correct Content-Length.</summary>
    Normal,
    /// <summary>Headers and <c>afterBytes</c> of the body, then nothing (until the client gives up or the stall cap).</summary>
    Stall,
    /// <summary>The full Content-Length announced, <c>afterBytes</c> sent, then the connection closed.</summary>
    Close,
    /// <summary>No Content-Length (connection-delimited), <c>afterBytes</c> sent, then closed: a short body that looks whole.</summary>
    CloseNoLength,
    /// <summary>Content-Length <c>contentLength</c> (a wrong one), the body that fits it, then closed.</summary>
    Length,
    /// <summary>The body repeated without end (chunked), until the client stops reading or the size cap.</summary>
    Endless,
    /// <summary><c>Content-Encoding: gzip</c> of <c>bombBytes</c> of the body's first byte (a gzip bomb).</summary>
    GzipBomb,
    /// <summary>The full Content-Length announced, <c>afterBytes</c> sent, 300 ms, then a TCP reset.</summary>
    Reset,
}

/// <summary>One scripted answer, matched on the request target; fires <see cref="Count"/> times (null: always).</summary>
internal sealed class HostileRule
{
    public string Match { get; set; } = "*";
    public string? Method { get; set; }
    public int? Count { get; set; }
    public int Status { get; set; } = 200;
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Body { get; set; }
    public string? BodyBase64 { get; set; }
    /// <summary>The body is repeated this many times (big bodies without big requests).</summary>
    public long Repeat { get; set; } = 1;
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public HostileMode Mode { get; set; } = HostileMode.Normal;
    public long AfterBytes { get; set; }
    public long? ContentLength { get; set; }
    public long BombBytes { get; set; } = 1L << 30;
    public int DelayMs { get; set; }

    /// <summary>
    /// Bytes of the body. In a text body <c>{base}</c> becomes the server's own base URI (links that point back
    /// here), <c>{auth}</c> the bearer token the request carried (a server that echoes credentials) and
    /// <c>{seq}</c> the request's sequence number (a new bookmark on every page).
    /// </summary>
    public byte[] BodyBytes(string baseUri, string bearer, long sequence)
    {
        byte[] one = BodyBase64 != null ? Convert.FromBase64String(BodyBase64)
            : System.Text.Encoding.UTF8.GetBytes((Body ?? "")
                .Replace("{base}", baseUri, StringComparison.Ordinal)
                .Replace("{auth}", bearer, StringComparison.Ordinal)
                .Replace("{seq}", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        if (Repeat <= 1) return one;
        long total = checked(one.Length * Repeat);
        if (total > 512L * 1024 * 1024) throw new InvalidOperationException("A repeated body is capped at 512 MiB; use mode Endless for more.");
        var all = new byte[total];
        for (long i = 0; i < Repeat; i++) Buffer.BlockCopy(one, 0, all, (int)(i * one.Length), one.Length);
        return all;
    }

    public bool Matches(string method, string target) =>
        (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (Match == "*" || target.Contains(Match, StringComparison.Ordinal));

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
