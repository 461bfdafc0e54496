using System.Net;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Http;

public class RetryHandlerTests
{
    private static ApiRequest Campaigns() => new ApiRequest("campaigns/list").Path("ad_account_id", "1");

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Server_errors_on_GET_are_retried(HttpStatusCode status)
    {
        var wire = new ScriptedHandler().Then(status, "{\"code\":1,\"message\":\"oops\"}").Then(HttpStatusCode.OK, "{\"items\":[]}");
        using var session = TestSessions.Create(wire);
        var response = await session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, wire.Requests.Count);
        Assert.Equal(1, session.Statistics.Retries);
    }

    [Fact]
    public async Task A_POST_that_may_have_reached_the_server_is_not_resent()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.InternalServerError, "{\"code\":1,\"message\":\"boom\"}");
        using var session = TestSessions.Create(wire);
        var request = new ApiRequest("analytics/create_report").Path("ad_account_id", "1").Json("{}"u8.ToArray());
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(request, NullPinLog.Instance, default));
        Assert.Equal("ServerError", error.ErrorId);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public async Task A_429_with_a_short_Retry_After_is_waited_out_and_retried_even_for_POST()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, "{\"code\":8,\"message\":\"slow down\"}", r => r.Headers.Add("Retry-After", "0"))
            .Then(HttpStatusCode.OK, "{\"token\":\"t\",\"report_status\":\"IN_PROGRESS\"}");
        using var session = TestSessions.Create(wire);
        var request = new ApiRequest("analytics/create_report").Path("ad_account_id", "1").Json("{}"u8.ToArray());
        var response = await session.Api.SendAsync(request, NullPinLog.Instance, default);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, wire.Requests.Count);
    }

    [Fact]
    public async Task A_429_whose_reset_is_beyond_the_cap_fails_fast_with_the_reset_time()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, "{\"code\":8,\"message\":\"daily limit\"}", r => r.Headers.Add("X-RateLimit-Reset", "64800"));
        using var session = TestSessions.Create(wire);
        var started = DateTimeOffset.UtcNow;
        var error = await Assert.ThrowsAsync<PinterestRateLimitException>(() => session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default));
        Assert.Equal("RateLimitExceeded", error.ErrorId);
        Assert.Equal(PinErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(8, error.ApiCode);
        Assert.InRange(error.ResetsAt, started.AddHours(17.9), started.AddHours(18.1));
        Assert.Single(wire.Requests);
        Assert.Contains("daily limit", error.Message);
    }

    [Fact]
    public async Task Network_faults_on_GET_are_retried_then_reported_as_NetworkFailure()
    {
        var wire = new ScriptedHandler { Fallback = _ => throw new HttpRequestException("connection reset") };
        using var session = TestSessions.Create(wire, configure: o => o.Retry.MaxRetries = 2);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default));
        Assert.Equal("NetworkFailure", error.ErrorId);
        Assert.Equal(3, wire.Requests.Count);
    }

    [Fact]
    public async Task A_hung_attempt_times_out_per_request()
    {
        using var session = TestSessions.Create(new HangingHandler(), configure: o => { o.Retry.MaxRetries = 1; o.Retry.RequestTimeout = TimeSpan.FromMilliseconds(100); });
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default));
        Assert.Equal("RequestTimedOut", error.ErrorId);
        Assert.Equal(PinErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task Cancellation_stops_a_backoff_at_once()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") };
        using var session = TestSessions.Create(wire, configure: o => { o.Retry.BaseDelay = TimeSpan.FromSeconds(30); o.Retry.MaxBackoff = TimeSpan.FromSeconds(30); });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Api.SendAsync(Campaigns(), NullPinLog.Instance, cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {watch.Elapsed}");
    }

    [Fact]
    public async Task Api_errors_carry_code_message_and_request_id()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.Forbidden, "{\"code\":29,\"message\":\"You are not permitted\"}");
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default));
        Assert.Equal("PermissionDenied", error.ErrorId);
        Assert.Equal(29, error.ApiCode);
        Assert.Equal("You are not permitted", error.ApiMessage);
        Assert.StartsWith("rid-", error.RequestId);
        Assert.Contains("You are not permitted", error.Message);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}

public class DailyLimitTests
{
    [Fact]
    public async Task After_a_daily_limit_the_next_request_fails_fast_without_being_sent()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, "{\"code\":8,\"message\":\"daily limit\"}", r => r.Headers.Add("X-RateLimit-Reset", "64800"));
        using var session = TestSessions.Create(wire);
        var request = () => new ApiRequest("campaigns/list").Path("ad_account_id", "1");
        await Assert.ThrowsAsync<PinterestRateLimitException>(() => session.Api.SendAsync(request(), NullPinLog.Instance, default));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var second = await Assert.ThrowsAsync<PinterestRateLimitException>(() => session.Api.SendAsync(request(), NullPinLog.Instance, default));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Single(wire.Requests);
        Assert.InRange(second.ResetsAt, DateTimeOffset.UtcNow.AddHours(17), DateTimeOffset.UtcNow.AddHours(19));
    }
}
