using System.Diagnostics;
using PinterestAds.Engine.Http;

namespace PinterestAds.Engine.Tests.Http;

public class RateLimitBudgetTests
{
    [Fact]
    public async Task A_spent_category_waits_for_its_next_token()
    {
        // 120 a minute = one token every 0.5 s once the bucket is empty.
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 120 }, overallPerSecond: 100_000);
        for (int i = 0; i < 120; i++) await budget.AcquireAsync("ads_analytics", default);
        var watch = Stopwatch.StartNew();
        await budget.AcquireAsync("ads_analytics", default);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Categories_are_independent()
    {
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 60, ["ads_read"] = 600 });
        for (int i = 0; i < 60; i++) await budget.AcquireAsync("ads_analytics", default);
        var watch = Stopwatch.StartNew();
        await budget.AcquireAsync("ads_read", default);
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
        await budget.AcquireAsync("ads_read", default);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        var budget = new RateLimitBudget(new Dictionary<string, int> { ["ads_analytics"] = 1 });
        await budget.AcquireAsync("ads_analytics", default);
        using var cancel = new CancellationTokenSource(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.AcquireAsync("ads_analytics", cancel.Token));
    }
}
