using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PinterestAds.Engine.Tests.Support;

/// <summary>
/// A fake wire: answers requests from a script of responders and records what was sent
/// (including the Authorization header, which tests check).
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, Task<HttpResponseMessage>>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Used when the script is empty.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Fallback { get; set; } = _ => Json(HttpStatusCode.OK, "{}");

    public ScriptedHandler Then(Func<HttpRequestMessage, HttpResponseMessage> responder)
    {
        _script.Enqueue(r => Task.FromResult(responder(r)));
        return this;
    }

    public ScriptedHandler ThenAsync(Func<HttpRequestMessage, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public ScriptedHandler Then(HttpStatusCode status, string json, Action<HttpResponseMessage>? adjust = null) =>
        Then(_ =>
        {
            var response = Json(status, json);
            adjust?.Invoke(response);
            return response;
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        cancellationToken.ThrowIfCancellationRequested();
        var response = _script.TryDequeue(out var next) ? await next(request) : Fallback(request);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.Add("x-pinterest-rid", "rid-" + Guid.NewGuid().ToString("N")[..8]);
        return response;
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);
