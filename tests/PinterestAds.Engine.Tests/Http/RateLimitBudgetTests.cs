using PinterestAds.Engine.Http;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Http;

public class RateLimitBudgetTests
{
    private static RateLimitBudget WithClock(TestTime clock, int analyticsPerMinute) =>
        new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = analyticsPerMinute }, 100_000, 1000, clock);

    // As the rate-limit handler asks: wait at most the retry policy's longest server wait.
    private static readonly TimeSpan LongestWait = new RetryPolicy().MaxServerDelay;

    private static async Task Take(RateLimitBudget budget, string category, CancellationToken ct) =>
        Assert.True(await budget.TryAcquireAsync(category, LongestWait, ct), $"no place in {category} within {LongestWait}");

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
        var clock = new TestTime(autoAdvance: false);
        var budget = WithClock(clock, 60);
        var sent = new List<TimeSpan>();
        for (int step = 0; step <= 240; step++)
        {
            int taken = await TakeAllAvailable(budget);
            for (int i = 0; i < taken; i++) sent.Add(clock.Elapsed);
            clock.Advance(TimeSpan.FromSeconds(0.5));
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
        var clock = new TestTime(autoAdvance: false);
        var budget = WithClock(clock, 120);
        Assert.Equal(120, await TakeAllAvailable(budget));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await TakeAllAvailable(budget));
        Assert.Equal(TimeSpan.FromSeconds(30), budget.TimeUntilAvailable("ads_analytics"));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(120, await TakeAllAvailable(budget));
    }

    [Fact]
    public async Task Categories_are_independent()
    {
        var time = new TestTime();
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 60, ["ads_read"] = 600 }, time: time);
        for (int i = 0; i < 60; i++) await Take(budget, "ads_analytics", default);
        var before = time.Elapsed;
        await Take(budget, "ads_read", default);
        Assert.Equal(before, time.Elapsed); // no wait: the analytics budget being spent does not hold ads_read
        var snapshot = budget.Snapshot().ToDictionary(b => b.Category);
        Assert.Equal(0, snapshot["ads_analytics"].Available);
        Assert.Equal(60, snapshot["ads_analytics"].PerMinute);
    }

    [Fact]
    public async Task Exhausting_a_category_holds_requests_until_the_reset()
    {
        var time = new TestTime();
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_read"] = 6000 }, time: time);
        budget.Exhaust("ads_read", TimeSpan.FromSeconds(40));
        await Take(budget, "ads_read", default);
        Assert.True(time.Elapsed >= TimeSpan.FromSeconds(40), $"waited only {time.Elapsed}");
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        // A clock that never moves: the second request would wait forever, and only the token ends it.
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 1 }, time: new TestTime(autoAdvance: false));
        await Take(budget, "ads_analytics", default);
        using var cancel = new CancellationTokenSource();
        var waiting = Take(budget, "ads_analytics", cancel.Token);
        Assert.False(waiting.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
