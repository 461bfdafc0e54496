using System.Collections.Concurrent;
using System.Net;
using System.Text;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Paging;
using PinterestAds.Engine.Session;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Http;

/// <summary>Issue 16 points 1, 5, 6, 7, 9, 10, 11, 13, 14 at the depth of the HTTP pipeline, the pager and the token manager.</summary>
public class HostileAnswerTests
{
    private static ApiRequest Accounts() => new ApiRequest("ad_accounts/list");

    private sealed class DebugLog : IPinLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public bool IsVerboseEnabled => true;
        public bool IsDebugEnabled => true;
        public void Verbose(string message) => Lines.Enqueue(message);
        public void Debug(string message) => Lines.Enqueue(message);
        public void Warning(string message) => Lines.Enqueue(message);
    }

    private static HttpResponseMessage Streamed(Stream body, HttpStatusCode status = HttpStatusCode.OK) =>
        new HttpResponseMessage(status) { Content = new StreamContent(body) };

    [Fact]
    public async Task A_body_that_stalls_ends_with_a_typed_timeout_also_with_debug_logging()
    {
        // Point 1: buffering the body for the debug log took no cancellation token and hung.
        var wire = new ScriptedHandler { Fallback = _ => Streamed(new TestStreams.Stalling(Encoding.UTF8.GetBytes("{\"ite"))) };
        using var session = TestSessions.Create(wire, configure: o => { o.Retry.MaxRetries = 1; o.Retry.RequestTimeout = TimeSpan.FromMilliseconds(300); o.OperationTimeout = TimeSpan.FromSeconds(20); });
        var call = session.Api.SendAsync(Accounts(), new DebugLog(), default);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.Same(call, finished);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => call);
        Assert.Equal("RequestTimedOut", error.ErrorId);
    }

    [Fact]
    public async Task Ctrl_C_ends_a_stalled_body_under_debug_logging()
    {
        var wire = new ScriptedHandler { Fallback = _ => Streamed(new TestStreams.Stalling(Encoding.UTF8.GetBytes("{\"ite"))) };
        using var session = TestSessions.Create(wire);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var call = session.Api.SendAsync(Accounts(), new DebugLog(), stop.Token);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(call, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task An_access_token_echoed_in_an_error_message_is_masked(HttpStatusCode status)
    {
        // Point 5.
        const string token = "pina_0123456789abcdef0123456789abcdef01234567";
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(status, $"{{\"code\":2,\"message\":\"Token {token} is not valid\"}}") };
        using var session = TestSessions.Create(wire, new SessionCredentials { AccessToken = token });
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Accounts(), NullPinLog.Instance, default));
        Assert.DoesNotContain(token, error.Message);
        Assert.DoesNotContain(token, error.ApiMessage ?? "");
        Assert.Contains("***", error.Message);
    }

    [Fact]
    public async Task A_freshly_refreshed_token_echoed_later_is_masked_too()
    {
        const string fresh = "pina_ffffffffffffffffffffffffffffffffffffffff";
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}")
            .Then(HttpStatusCode.OK, $"{{\"access_token\":\"{fresh}\",\"refresh_token\":\"r2\",\"expires_in\":2592000}}")
            .Then(HttpStatusCode.BadRequest, $"{{\"code\":1,\"message\":\"bad request for {fresh}\"}}");
        using var session = TestSessions.Create(wire, new SessionCredentials { AccessToken = "old-access-token", RefreshToken = "r1", ClientId = "1", ClientSecret = "s3cr3t-client" });
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Accounts(), NullPinLog.Instance, default));
        Assert.DoesNotContain(fresh, error.Message);
    }

    [Fact]
    public async Task Pre_signed_links_in_logged_bodies_are_masked()
    {
        // Point 6: GET /reports?token= and the bulk status call log url / result_url.
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.OK, "{\"report_status\":\"FINISHED\",\"url\":\"https://s3.example.test/r.txt?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA\",\"size\":5}")
            .Then(HttpStatusCode.OK, "{\"status\":\"SUCCEEDED\",\"result_url\":\"https://s3.example.test/b.json?Signature=cafebabe\"}");
        using var session = TestSessions.Create(wire);
        var log = new DebugLog();
        await session.Api.SendAsync(new ApiRequest("analytics/get_report").Path("ad_account_id", "1").QueryValue("token", "t"), log, default);
        await session.Api.SendAsync(new ApiRequest("bulk_request/get").Path("ad_account_id", "1").Path("bulk_request_id", "2"), log, default);
        string all = string.Join("\n", log.Lines);
        Assert.Contains("r.txt?***", all);
        Assert.DoesNotContain("deadbeef", all);
        Assert.DoesNotContain("cafebabe", all);
        Assert.DoesNotContain("AKIA", all);
    }

    [Theory]
    [InlineData("X-RateLimit-Reset", "1000000001")]      // an epoch long past (clock skew)
    [InlineData("X-RateLimit-Reset", "-5")]
    [InlineData("X-RateLimit-Reset", "1e300")]
    [InlineData("X-RateLimit-Reset", "NaN")]
    public async Task Odd_rate_limit_headers_never_crash(string header, string value)
    {
        // Point 7: a past epoch waits nothing (then retried), 1e300 is beyond the cap (fails fast, typed).
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, "{\"code\":8,\"message\":\"slow\"}", r => r.Headers.TryAddWithoutValidation(header, value))
            .Then(HttpStatusCode.OK, "{\"items\":[]}");
        using var session = TestSessions.Create(wire);
        try
        {
            var response = await session.Api.SendAsync(Accounts(), NullPinLog.Instance, default);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        catch (PinterestRateLimitException error)
        {
            Assert.Equal("1e300", value);
            Assert.Equal("RateLimitExceeded", error.ErrorId);
        }
    }

    [Fact]
    public async Task An_absurd_retry_after_message_is_a_typed_error_not_an_overflow()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.BadRequest, "{\"code\":1,\"message\":\"Retry after 99999999999 seconds\"}") };
        using var session = TestSessions.Create(wire);
        var request = new ApiRequest("campaigns/analytics").Path("ad_account_id", "1");
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(request, NullPinLog.Instance, default));
        Assert.Equal("ApiBadRequest", error.ErrorId);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public void Advertised_delays_are_clamped()
    {
        Assert.Equal(TimeSpan.Zero, ResponseHeaders.Clamp(-3));
        Assert.Equal(TimeSpan.Zero, ResponseHeaders.Clamp(double.NaN));
        Assert.Equal(Api.ApiLimits.LongestAdvertisedDelay, ResponseHeaders.Clamp(1e300));
        Assert.Equal(TimeSpan.FromSeconds(3), ResponseHeaders.Clamp(3));
    }

    [Fact]
    public async Task An_endless_api_body_stops_at_the_response_size_cap()
    {
        // Point 9.
        var wire = new ScriptedHandler { Fallback = _ => Streamed(new TestStreams.Endless((byte)' ', 0)) };
        using var session = TestSessions.Create(wire, configure: o => o.Retry.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Accounts(), NullPinLog.Instance, default));
        Assert.Equal("ResponseTooLarge", error.ErrorId);
        Assert.Contains("64 MiB", error.Message);
    }

    [Fact]
    public async Task Endless_empty_pages_stop_at_the_empty_page_cap()
    {
        // Point 10.
        int page = 0;
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, $"{{\"items\":[],\"bookmark\":\"b{Interlocked.Increment(ref page)}\"}}") };
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(async () =>
        {
            await foreach (var _ in BookmarkPager.ListAsync(session.Api, b => Accounts().QueryValue("bookmark", b), e => e, NullPinLog.Instance, default)) { }
        });
        Assert.Equal("EmptyPagesBeyondCap", error.ErrorId);
        Assert.Equal(Api.ApiLimits.MaxEmptyPagesInARow + 1, wire.Requests.Count);
    }

    [Theory]
    [InlineData("{\"bookmark\":null}")]
    [InlineData("{\"items\":{}}")]
    [InlineData("[]")]
    public async Task A_malformed_listing_is_an_error_not_an_empty_list(string body)
    {
        // Point 8.
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, body) };
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(async () =>
        {
            await foreach (var _ in BookmarkPager.ListAsync(session.Api, b => Accounts(), e => e, NullPinLog.Instance, default)) { }
        });
        Assert.Equal("ApiResponseInvalid", error.ErrorId);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("{\"items\":[{\"id\":\"1\"")]
    public async Task Html_or_cut_json_from_the_api_is_a_typed_error(string body)
    {
        // Point 13.
        var wire = new ScriptedHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) } };
        using var session = TestSessions.Create(wire);
        var response = await session.Api.SendAsync(Accounts(), NullPinLog.Instance, default);
        var error = Assert.Throws<PinterestApiException>(() => response.Json());
        Assert.Equal("ApiResponseInvalid", error.ErrorId);
        Assert.Equal("ad_accounts/list", error.OperationId);
    }

    [Fact]
    public async Task Invalid_utf8_from_the_api_is_a_typed_error()
    {
        var wire = new ScriptedHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }) } };
        using var session = TestSessions.Create(wire);
        var response = await session.Api.SendAsync(Accounts(), NullPinLog.Instance, default);
        Assert.Equal("ApiResponseInvalid", Assert.Throws<PinterestApiException>(() => response.Json()).ErrorId);
    }

    private static SessionCredentials RefreshOnly() => new() { RefreshToken = "r1", ClientId = "1", ClientSecret = "s3cr3t-client" };

    [Fact]
    public async Task Html_from_the_token_endpoint_is_a_typed_error()
    {
        var wire = new ScriptedHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>login</html>") });
        using var session = TestSessions.Create(wire, RefreshOnly());
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Tokens.RefreshNowAsync(NullPinLog.Instance, default));
        Assert.Equal("TokenResponseInvalid", error.ErrorId);
    }

    [Fact]
    public async Task A_503_on_refresh_is_retried_and_then_not_called_a_revoked_token()
    {
        // Point 14.
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":1,\"message\":\"down\"}") };
        using var session = TestSessions.Create(wire, RefreshOnly(), o => o.Retry.MaxRetries = 2);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Tokens.RefreshNowAsync(NullPinLog.Instance, default));
        Assert.Equal("TokenEndpointUnavailable", error.ErrorId);
        Assert.DoesNotContain("revoked", error.Message);
        Assert.Equal(3, wire.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_not_called_a_revoked_refresh_token()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed: client_id/client_secret (HTTP Basic) are missing or wrong.\"}");
        using var session = TestSessions.Create(wire, RefreshOnly());
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Tokens.RefreshNowAsync(NullPinLog.Instance, default));
        Assert.Equal("ClientAuthenticationFailed", error.ErrorId);
        Assert.Contains("-ClientSecret", error.Message);
    }

    [Fact]
    public async Task The_refresh_token_is_handed_over_once_and_forgotten_on_disconnect()
    {
        // Point 11.
        var wire = new ScriptedHandler().Then(HttpStatusCode.OK, "{\"access_token\":\"a2\",\"refresh_token\":\"r2\",\"expires_in\":2592000}");
        var session = TestSessions.Create(wire, RefreshOnly());
        await session.Tokens.RefreshNowAsync(NullPinLog.Instance, default);
        Assert.Null(typeof(PinterestSession).GetProperty("RefreshToken"));
        Assert.DoesNotContain(typeof(PinterestSession).GetProperties(), p => p.PropertyType == typeof(System.Security.SecureString));
        Assert.True(session.HasNewRefreshToken);
        session.Dispose();
        Assert.False(session.HasNewRefreshToken);
        Assert.Null(session.TakeRefreshToken());
        Assert.False(session.CanRefresh);
    }
}
