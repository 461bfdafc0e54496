using System.Diagnostics;
using PinterestAds.Engine.Http;

namespace PinterestAds.Engine.Tests.Http;

public class RateLimitBudgetTests
{
    private sealed class FakeClock
    {
        public TimeSpan Now { get; set; } = TimeSpan.FromHours(1);
    }

    private static RateLimitBudget WithClock(FakeClock clock, int analyticsPerMinute) =>
        new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = analyticsPerMinute }, 100_000, 1000, () => clock.Now);

    /// <summary>A place in the budget as RateLimitHandler takes it: waiting up to the policy's longest server delay.</summary>
    private static async Task AcquireLikeTheHandler(RateLimitBudget budget, string category, CancellationToken cancellationToken)
    {
        Assert.True(await budget.TryAcquireAsync(category, new RetryPolicy().MaxServerDelay, cancellationToken), $"no room in {category} within the longest wait");
    }

    private static async Task<int> TakeAllAvailable(RateLimitBudget budget)
    {
        int taken = 0;
        while (await budget.TryAcquireAsync("ads_analytics", TimeSpan.Zero, default)) taken++;
        return taken;
    }

    [Fact]
    public async Task No_sixty_second_window_holds_more_than_the_budget()
    {
        // Issue 16 point 12: a bucket that starts full and refills let ~2x the budget through a rolling minute.
        var clock = new FakeClock();
        var budget = WithClock(clock, 60);
        var sent = new List<TimeSpan>();
        for (int step = 0; step <= 240; step++)
        {
            int taken = await TakeAllAvailable(budget);
            for (int i = 0; i < taken; i++) sent.Add(clock.Now);
            clock.Now += TimeSpan.FromSeconds(0.5);
        }
        Assert.True(sent.Count >= 120, $"only {sent.Count} sent in two minutes");
        foreach (var start in sent)
        {
            int inWindow = sent.Count(t => t >= start && t < start + TimeSpan.FromSeconds(60));
            Assert.True(inWindow <= 60, $"{inWindow} requests in the 60 s from {start}");
        }
    }

    [Fact]
    public async Task A_spent_category_has_room_again_when_the_oldest_request_leaves_the_window()
    {
        var clock = new FakeClock();
        var budget = WithClock(clock, 120);
        Assert.Equal(120, await TakeAllAvailable(budget));
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(0, await TakeAllAvailable(budget));
        Assert.Equal(TimeSpan.FromSeconds(30), budget.TimeUntilAvailable("ads_analytics"));
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(120, await TakeAllAvailable(budget));
    }

    [Fact]
    public async Task Categories_are_independent()
    {
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 60, ["ads_read"] = 600 });
        for (int i = 0; i < 60; i++) await AcquireLikeTheHandler(budget, "ads_analytics", default);
        var watch = Stopwatch.StartNew();
        await AcquireLikeTheHandler(budget, "ads_read", default);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(200));
        var snapshot = budget.Snapshot().ToDictionary(b => b.Category);
        Assert.Equal(0, snapshot["ads_analytics"].Available);
        Assert.Equal(60, snapshot["ads_analytics"].PerMinute);
    }

    [Fact]
    public async Task Exhausting_a_category_holds_requests_until_the_reset()
    {
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_read"] = 6000 });
        budget.Exhaust("ads_read", TimeSpan.FromMilliseconds(400));
        var watch = Stopwatch.StartNew();
        await AcquireLikeTheHandler(budget, "ads_read", default);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 1 });
        await AcquireLikeTheHandler(budget, "ads_analytics", default);
        using var cancel = new CancellationTokenSource(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.TryAcquireAsync("ads_analytics", new RetryPolicy().MaxServerDelay, cancel.Token));
    }
}
