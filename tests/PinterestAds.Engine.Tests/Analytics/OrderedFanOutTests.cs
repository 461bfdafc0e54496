using PinterestAds.Engine.Analytics;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

public class OrderedFanOutTests
{
    [Fact]
    public async Task Results_come_out_in_item_order_whatever_order_they_finish_in()
    {
        var items = Enumerable.Range(0, 40).ToList();
        var consumed = new List<int>();
        await OrderedFanOut.RunAsync(items, 4,
            async (i, ct) => { await Task.Delay((40 - i) % 7 * 3, ct); return i * 10; },
            (i, result) => consumed.Add(result),
            CancellationToken.None);
        Assert.Equal(items.Select(i => i * 10), consumed);
    }

    [Fact]
    public async Task Never_more_than_the_throttle_run_at_once_and_they_do_overlap()
    {
        int running = 0, peak = 0;
        await OrderedFanOut.RunAsync(Enumerable.Range(0, 30).ToList(), 3,
            async (i, ct) =>
            {
                int now = Interlocked.Increment(ref running);
                lock (this) peak = Math.Max(peak, now);
                await Task.Delay(10, ct);
                Interlocked.Decrement(ref running);
                return i;
            },
            (_, _) => { },
            CancellationToken.None);
        Assert.Equal(3, peak);
    }

    [Fact]
    public async Task A_failing_consumer_stops_the_rest()
    {
        int started = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OrderedFanOut.RunAsync(Enumerable.Range(0, 100).ToList(), 2,
            async (i, ct) => { Interlocked.Increment(ref started); await Task.Delay(5, ct); return i; },
            (i, _) => { if (i == 3) throw new InvalidOperationException("stop"); },
            CancellationToken.None));
        Assert.Equal("stop", error.Message);
        Assert.True(started < 20, $"{started} items started after the failure");
    }

    [Fact]
    public async Task Cancellation_reaches_the_work()
    {
        using var cts = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OrderedFanOut.RunAsync(Enumerable.Range(0, 10).ToList(), 2,
            async (i, ct) => { await Task.Delay(Timeout.Infinite, ct); return i; },
            (_, _) => { },
            cts.Token));
    }
}
