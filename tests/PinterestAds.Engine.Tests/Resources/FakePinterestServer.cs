using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Session;

namespace PinterestAds.Engine.Tests.Resources;

/// <summary>
/// A tiny loopback HTTP server answering with canned JSON per path, recording every request, so the
/// resource catalogues are tested through the session's real HTTP pipeline (handlers, encoding, cache).
/// </summary>
internal sealed class FakePinterestServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerRequest, (int Status, string Body)>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakePinterestServer()
    {
        int port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/v5");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Every request as "path?query", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers GETs of <paramref name="path"/> (under /v5, without the query).</summary>
    public void On(string path, Func<HttpListenerRequest, (int, string)> answer) => _routes["/v5" + path] = answer;

    public void On(string path, string json) => On(path, _ => (200, json));

    public PinterestSession NewSession() => new(
        new SessionOptions { ApiBaseUri = BaseUri, Environment = PinEnvironment.Custom, Retry = new RetryPolicy { MaxRetries = 0 } },
        new SessionCredentials { AccessToken = "fake-access-token" });

    public int Count(string pathPrefix) => Requests.Count(r => r.StartsWith("/v5" + pathPrefix, StringComparison.Ordinal));

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch { return; }
            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        Requests.Enqueue(request.Url!.AbsolutePath + request.Url.Query);
        var (status, body) = _routes.TryGetValue(request.Url.AbsolutePath, out var route)
            ? route(request)
            : (404, "{\"code\":404,\"message\":\"No such route in the fake server.\"}");
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch { }
    }
}
