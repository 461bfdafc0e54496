using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PinterestAds.HostileServer;

/// <summary>
/// HTTP/1.1 over a raw socket (so it can lie about lengths, stall and reset at will), on 127.0.0.1 only.
/// Admin: <c>POST /_hostile/rules</c> (a rule or an array), <c>DELETE /_hostile/rules</c>,
/// <c>GET /_hostile/requests</c> and <c>DELETE /_hostile/requests</c> (the journal of non-admin requests).
/// </summary>
internal sealed class Server
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxRequestBodyBytes = 16 * 1024 * 1024;

    private readonly HostileOptions _options;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<HostileRule> _rules = new();
    private readonly ConcurrentQueue<JournalEntry> _journal = new();
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false })
    { Timeout = TimeSpan.FromSeconds(100) };
    private long _sequence;

    public Server(HostileOptions options) => _options = options;

    public string BaseUri => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Start()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public void Stop()
    {
        _stopping.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stopping.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeConnectionAsync(client));
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new RequestReader(stream);
            try
            {
                while (!_stopping.IsCancellationRequested)
                {
                    var request = await reader.ReadAsync(MaxHeaderBytes, MaxRequestBodyBytes, _stopping.Token);
                    if (request == null) return;
                    bool keepOpen = await HandleAsync(client, stream, request);
                    if (!keepOpen) return;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is InvalidDataException) { }
        }
    }

    /// <summary>Answers one request; false when the connection must close afterwards.</summary>
    private async Task<bool> HandleAsync(TcpClient client, NetworkStream stream, HttpRequest request)
    {
        if (request.Target.StartsWith("/_hostile/", StringComparison.Ordinal)) return await AdminAsync(stream, request);

        HostileRule? rule;
        lock (_rules)
        {
            rule = _rules.FirstOrDefault(r => r.Matches(request.Method, request.Target));
            if (rule?.Count != null && --rule.Count <= 0) _rules.Remove(rule);
        }
        long sequence = Interlocked.Increment(ref _sequence);
        _journal.Enqueue(new JournalEntry(sequence, DateTimeOffset.UtcNow, request.Method, request.Target,
            request.Headers.ContainsKey("Authorization"), rule?.Match, rule?.Mode.ToString()));
        if (rule == null) return await ProxyAsync(stream, request);
        if (rule.DelayMs > 0) await Task.Delay(rule.DelayMs, _stopping.Token);
        string bearer = request.Headers.TryGetValue("Authorization", out var auth) && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : "";
        byte[] body = rule.Mode == HostileMode.GzipBomb ? HostileResponse.GzipOfZeros(Math.Min(rule.BombBytes, _options.MaxBodyBytes)) : rule.BodyBytes(BaseUri, bearer, sequence);
        return await new HostileResponse(rule, body, _options, _stopping.Token).WriteAsync(client, stream);
    }

    private async Task<bool> AdminAsync(NetworkStream stream, HttpRequest request)
    {
        string path = request.Target.Split('?')[0];
        switch (request.Method, path)
        {
            case ("POST", "/_hostile/rules"):
                var text = Encoding.UTF8.GetString(request.Body).Trim();
                var added = text.StartsWith('[')
                    ? JsonSerializer.Deserialize<List<HostileRule>>(text, HostileRule.Json)!
                    : new List<HostileRule> { JsonSerializer.Deserialize<HostileRule>(text, HostileRule.Json)! };
                lock (_rules) _rules.AddRange(added);
                return await WriteSimpleAsync(stream, 200, "{\"added\":" + added.Count + "}");
            case ("DELETE", "/_hostile/rules"):
                lock (_rules) _rules.Clear();
                return await WriteSimpleAsync(stream, 200, "{}");
            case ("GET", "/_hostile/requests"):
                return await WriteSimpleAsync(stream, 200, JsonSerializer.Serialize(_journal.ToArray(), HostileRule.Json));
            case ("DELETE", "/_hostile/requests"):
                _journal.Clear();
                return await WriteSimpleAsync(stream, 200, "{}");
            default:
                return await WriteSimpleAsync(stream, 404, "{\"message\":\"unknown admin call\"}");
        }
    }

    /// <summary>Everything no rule claims goes to the emulator, byte for byte.</summary>
    private async Task<bool> ProxyAsync(NetworkStream stream, HttpRequest request)
    {
        if (_options.Upstream == null) return await WriteSimpleAsync(stream, 404, "{\"code\":30,\"message\":\"No rule matched and there is no upstream.\"}");
        var target = new Uri(_options.Upstream, request.Target);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT" or "PATCH") message.Content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (name is "Host" or "Connection" or "Content-Length" or "Transfer-Encoding") continue;
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _upstream.SendAsync(message, _stopping.Token);
        byte[] body = await response.Content.ReadAsByteArrayAsync(_stopping.Token);
        var head = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key is "Transfer-Encoding" or "Connection" or "Content-Length") continue;
            foreach (var value in header.Value) head.Append(header.Key).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping.Token);
        await stream.WriteAsync(body, _stopping.Token);
        return true;
    }

    private async Task<bool> WriteSimpleAsync(NetworkStream stream, int status, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        string head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stopping.Token);
        await stream.WriteAsync(body, _stopping.Token);
        return true;
    }

    private sealed record JournalEntry(long Sequence, DateTimeOffset Timestamp, string Method, string Target, bool HadAuthorization, string? Rule, string? Mode);
}

/// <summary>Writes one scripted answer the way its rule says it should go wrong.</summary>
internal sealed class HostileResponse
{
    private readonly HostileRule _rule;
    private readonly byte[] _body;
    private readonly HostileOptions _options;
    private readonly CancellationToken _stopping;

    public HostileResponse(HostileRule rule, byte[] body, HostileOptions options, CancellationToken stopping)
    {
        _rule = rule;
        _body = body;
        _options = options;
        _stopping = stopping;
    }

    /// <summary>False when the connection must close afterwards.</summary>
    public async Task<bool> WriteAsync(TcpClient client, NetworkStream stream)
    {
        byte[] body = _body;
        var headers = new Dictionary<string, string>(_rule.Headers, StringComparer.OrdinalIgnoreCase);
        if (!headers.ContainsKey("Content-Type")) headers["Content-Type"] = "application/json";
        if (_rule.Mode == HostileMode.GzipBomb) headers["Content-Encoding"] = "gzip";
        switch (_rule.Mode)
        {
            case HostileMode.Endless:
                headers["Transfer-Encoding"] = "chunked";
                break;
            case HostileMode.CloseNoLength:
                headers["Connection"] = "close";
                break;
            case HostileMode.Length:
                headers["Content-Length"] = (_rule.ContentLength ?? body.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
                headers["Connection"] = "close";
                break;
            default:
                headers["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
        var head = new StringBuilder($"HTTP/1.1 {_rule.Status} {Reason(_rule.Status)}\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping);

        switch (_rule.Mode)
        {
            case HostileMode.Normal:
            case HostileMode.GzipBomb:
                await stream.WriteAsync(body, _stopping);
                return true;
            case HostileMode.Length:
                long length = Math.Min(body.Length, _rule.ContentLength ?? body.Length);
                await stream.WriteAsync(body.AsMemory(0, (int)length), _stopping);
                return false;
            case HostileMode.Close:
            case HostileMode.CloseNoLength:
                await stream.WriteAsync(body.AsMemory(0, (int)Math.Min(body.Length, _rule.AfterBytes)), _stopping);
                return false;
            case HostileMode.Reset:
                await stream.WriteAsync(body.AsMemory(0, (int)Math.Min(body.Length, _rule.AfterBytes)), _stopping);
                await stream.FlushAsync(_stopping);
                // Give the client time to read the headers and the first bytes: a reset that arrives first makes
                // the kernel drop unread data, which looks like a failed connect instead of a reset mid-body.
                await Task.Delay(300, _stopping);
                client.LingerState = new LingerOption(true, 0); // close with RST
                client.Client.Close(0);
                return false;
            case HostileMode.Stall:
                await stream.WriteAsync(body.AsMemory(0, (int)Math.Min(body.Length, _rule.AfterBytes)), _stopping);
                await stream.FlushAsync(_stopping);
                await WaitForClientToLeaveAsync(client);
                return false;
            case HostileMode.Endless:
                await WriteEndlessAsync(stream, body.Length == 0 ? new byte[] { (byte)'\n' } : body);
                return false;
            default:
                return false;
        }
    }

    // Bounded: the stall cap, or the client closing its side.
    private async Task WaitForClientToLeaveAsync(TcpClient client)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        cap.CancelAfter(TimeSpan.FromSeconds(_options.MaxStallSeconds));
        var scratch = new byte[1];
        try { while (await client.GetStream().ReadAsync(scratch, cap.Token) > 0) { } }
        catch (Exception ex) when (ex is OperationCanceledException || ex is IOException || ex is ObjectDisposedException) { }
    }

    // Bounded by --max-body-bytes; stops early when the client hangs up.
    private async Task WriteEndlessAsync(NetworkStream stream, byte[] unit)
    {
        var chunk = new MemoryStream();
        while (chunk.Length < 64 * 1024) chunk.Write(unit);
        byte[] payload = chunk.ToArray();
        byte[] frame = Encoding.ASCII.GetBytes($"{payload.Length:X}\r\n").Concat(payload).Concat("\r\n"u8.ToArray()).ToArray();
        for (long sent = 0; sent < _options.MaxBodyBytes; sent += payload.Length)
            await stream.WriteAsync(frame, _stopping);
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _stopping);
    }

    public static byte[] GzipOfZeros(long bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long left = bytes; left > 0; left -= zeros.Length) gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
        }
        return output.ToArray();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
}

internal sealed record HttpRequest(string Method, string Target, Dictionary<string, string> Headers, byte[] Body);

/// <summary>Reads HTTP/1.1 requests (Content-Length bodies) off a connection, with caps on header and body size.</summary>
internal sealed class RequestReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[8192];
    private int _length;

    public RequestReader(Stream stream) => _stream = stream;

    public async Task<HttpRequest?> ReadAsync(int maxHeaderBytes, int maxBodyBytes, CancellationToken ct)
    {
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (_length >= maxHeaderBytes) throw new InvalidDataException("Request headers too large.");
            if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            int read = await _stream.ReadAsync(_buffer.AsMemory(_length), ct);
            if (read == 0) return null;
            _length += read;
        }
        string[] lines = Encoding.ASCII.GetString(_buffer, 0, headerEnd).Split("\r\n");
        string[] start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        int bodyLength = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (bodyLength > maxBodyBytes) throw new InvalidDataException("Request body too large.");
        int total = headerEnd + 4 + bodyLength;
        if (_buffer.Length < total) Array.Resize(ref _buffer, total);
        while (_length < total)
        {
            int read = await _stream.ReadAsync(_buffer.AsMemory(_length, total - _length), ct);
            if (read == 0) return null;
            _length += read;
        }
        byte[] body = _buffer[(headerEnd + 4)..total];
        Buffer.BlockCopy(_buffer, total, _buffer, 0, _length - total);
        _length -= total;
        return new HttpRequest(start[0], start.Length > 1 ? start[1] : "/", headers, body);
    }

    private int IndexOfHeaderEnd() => _buffer.AsSpan(0, _length).IndexOf("\r\n\r\n"u8);
}
