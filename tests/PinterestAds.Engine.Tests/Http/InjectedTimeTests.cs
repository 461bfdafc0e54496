using System.Net;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Http;

/// <summary>
/// Waits run on the session's <see cref="TimeProvider"/> and jitter comes from the session's seeded
/// <see cref="Jitter"/>: a test moves time instead of sleeping, and the same seed gives the same delays.
/// </summary>
public class InjectedTimeTests
{
    private static ApiRequest Campaigns() => new ApiRequest("campaigns/list").Path("ad_account_id", "1");

    [Fact]
    public async Task A_Retry_After_is_waited_out_on_the_sessions_clock()
    {
        var time = new TestTime();
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, "{\"code\":8,\"message\":\"slow down\"}", r => r.Headers.Add("Retry-After", "45"))
            .Then(HttpStatusCode.OK, "{\"items\":[]}");
        using var session = TestSessions.Create(wire, configure: o => o.Time = time);
        var response = await session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, wire.Requests.Count);
        // 45 s asked for, plus at most 250 ms of jitter; the test itself did not wait for it.
        Assert.InRange(time.Elapsed, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(45.25));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_backoff_and_a_session_uses_its_seed()
    {
        var policy = new RetryPolicy { BaseDelay = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) };
        IReadOnlyList<TimeSpan> Delays(Jitter jitter) => Enumerable.Range(1, 8).Select(retry => policy.Backoff(retry, jitter)).ToList();
        Assert.Equal(Delays(new Jitter(42)), Delays(new Jitter(42)));
        Assert.NotEqual(Delays(new Jitter(42)), Delays(new Jitter(43)));
        Assert.All(Delays(new Jitter(42)).Select((d, i) => (d, step: Math.Min(30, Math.Pow(2, i)))),
            x => Assert.InRange(x.d.TotalSeconds, x.step / 2, x.step));

        // Two sessions with one seed wait exactly as long for the same 500s.
        async Task<TimeSpan> WaitedFor500s()
        {
            var time = new TestTime();
            var wire = new ScriptedHandler()
                .Then(HttpStatusCode.InternalServerError, "{\"code\":1,\"message\":\"oops\"}")
                .Then(HttpStatusCode.InternalServerError, "{\"code\":1,\"message\":\"oops\"}")
                .Then(HttpStatusCode.OK, "{\"items\":[]}");
            using var session = TestSessions.Create(wire, configure: o => { o.Time = time; o.JitterSeed = 7; o.Retry.BaseDelay = TimeSpan.FromSeconds(2); o.Retry.MaxBackoff = TimeSpan.FromSeconds(30); });
            await session.Api.SendAsync(Campaigns(), NullPinLog.Instance, default);
            return time.Elapsed;
        }
        var first = await WaitedFor500s();
        Assert.Equal(first, await WaitedFor500s());
        Assert.InRange(first, TimeSpan.FromSeconds(1 + 2), TimeSpan.FromSeconds(2 + 4));
    }

    [Fact]
    public void One_jitter_is_safe_to_draw_from_on_many_threads()
    {
        // System.Random raced from several threads corrupts its state and then returns 0 for ever.
        var jitter = new Jitter(1);
        var draws = new double[200_000];
        Parallel.For(0, draws.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => draws[i] = jitter.NextDouble());
        Assert.All(draws, d => Assert.InRange(d, 0.0, 0.9999999999));
        Assert.True(draws.Skip(draws.Length - 1000).Distinct().Count() > 900, "the last draws still vary");
    }

    [Fact]
    public async Task A_twenty_minute_report_wait_times_out_on_the_sessions_clock()
    {
        var time = new TestTime();
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, "{\"report_status\":\"IN_PROGRESS\"}") };
        using var session = TestSessions.Create(wire, configure: o => o.Time = time);
        var job = new ReportJob(session, "1", "slow", ReportJobKind.Analytics, ReportStatuses.InProgress, ReportFormat.Csv, time.GetUtcNow());
        var waiter = ReportWaiter.For(session);
        var left = await waiter.WaitAsync(new[] { job }, TimeSpan.FromMinutes(20),
            _ => Assert.Fail("nothing finishes"), (_, ex) => throw ex, null, NullPinLog.Instance, default);
        Assert.Equal("slow", Assert.Single(left).Token);
        Assert.InRange(time.Elapsed, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20) + waiter.MaxDelay * (1 + waiter.Jitter));
        // Polled all along, the delays growing to the 15 s cap: far more than a handful of polls, far fewer than one a second.
        Assert.InRange(waiter.Polls, 60, 20 * 60);
    }
}
