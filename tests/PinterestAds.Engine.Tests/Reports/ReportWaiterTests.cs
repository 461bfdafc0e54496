using System.Net;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Reports;

public class ReportWaiterTests
{
    private static ReportJob Job(PinterestSession session, string token) =>
        new(session, "1", token, ReportJobKind.Analytics, ReportStatuses.InProgress, ReportFormat.Csv, DateTimeOffset.UtcNow.AddSeconds(-5));

    [Fact]
    public void Delays_grow_to_the_cap_with_jitter()
    {
        var waiter = new ReportWaiter(jitter: new Jitter(7)) { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2), Jitter = 0.2 };
        var delay = waiter.InitialDelay;
        var seen = new List<TimeSpan>();
        for (int i = 0; i < 20; i++) seen.Add(delay = waiter.NextDelay(delay, pendingJobs: 1));
        Assert.True(seen[1] > seen[0]);
        Assert.All(seen, d => Assert.True(d <= TimeSpan.FromSeconds(2.4)));
        Assert.True(seen.Skip(10).Distinct().Count() > 1, "jitter varies the capped delays");
    }

    [Fact]
    public void Polling_many_jobs_stays_inside_its_share_of_the_analytics_budget()
    {
        var waiter = new ReportWaiter(jitter: new Jitter(1)) { BudgetShare = 0.5, MaxDelay = TimeSpan.FromSeconds(1) };
        var delay = waiter.NextDelay(TimeSpan.FromMilliseconds(10), pendingJobs: 100);
        // 100 polls per round may use half of 300 per minute: a round every 40 s at the least.
        Assert.True(delay >= TimeSpan.FromSeconds(100 * 60.0 / (ApiLimits.AdsAnalyticsPerMinute * 0.5)));
    }

    [Fact]
    public async Task Waits_for_several_jobs_in_one_loop_and_hands_each_over_when_final()
    {
        var finished = "{\"report_status\":\"FINISHED\",\"url\":\"https://store.example.test/r.csv?sig=secret\",\"size\":12}";
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.OK, "{\"report_status\":\"IN_PROGRESS\"}")
            .Then(HttpStatusCode.OK, "{\"report_status\":\"FAILED\"}")
            .Then(HttpStatusCode.OK, finished);
        using var session = TestSessions.Create(wire);
        var waiter = new ReportWaiter(jitter: new Jitter(3)) { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), BudgetShare = 1000 };
        var final = new List<ReportJob>();
        var left = await waiter.WaitAsync(new[] { Job(session, "a"), Job(session, "b") }, TimeSpan.FromSeconds(10),
            final.Add, (_, ex) => throw ex, null, NullPinLog.Instance, default);
        Assert.Empty(left);
        Assert.Equal(new[] { "b", "a" }, final.Select(j => j.Token));
        Assert.Equal("FAILED", final[0].Status);
        Assert.True(final[1].IsFinished);
        Assert.Equal(12, final[1].Size);
        Assert.True(final[1].HasDownloadLink);
        Assert.DoesNotContain("secret", final[1].ToString());
        Assert.Equal(3, waiter.Polls);
        Assert.All(wire.Requests, r => Assert.Contains("token=", r.Uri.Query));
    }

    [Fact]
    public async Task A_timeout_returns_the_jobs_still_running()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, "{\"report_status\":\"IN_PROGRESS\"}") };
        using var session = TestSessions.Create(wire);
        var waiter = new ReportWaiter { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), BudgetShare = 1000 };
        var left = await waiter.WaitAsync(new[] { Job(session, "slow") }, TimeSpan.FromMilliseconds(150),
            _ => Assert.Fail("nothing finishes"), (_, ex) => throw ex, null, NullPinLog.Instance, default);
        Assert.Equal("slow", Assert.Single(left).Token);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_at_once()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, "{\"report_status\":\"IN_PROGRESS\"}") };
        using var session = TestSessions.Create(wire);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var waiter = new ReportWaiter { InitialDelay = TimeSpan.FromSeconds(30) };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(new[] { Job(session, "x") }, null,
            _ => { }, (_, ex) => throw ex, null, NullPinLog.Instance, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
