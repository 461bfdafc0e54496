using PinterestAds.Engine.Session;
using Xunit;

namespace PinterestAds.Engine.Tests.Session;

/// <summary>The per-session memo that also feeds tab completion (Peek never fetches).</summary>
public class SessionCacheTests
{
    [Fact]
    public void A_value_that_was_set_is_seen_by_Peek_at_once()
    {
        var cache = new SessionCache();
        cache.Set("templates:1", new List<string> { "Weekly" });
        Assert.Equal(new[] { "Weekly" }, cache.Peek<List<string>>("templates:1"));
    }

    [Fact]
    public async Task Peek_sees_fetched_values_and_never_fetches()
    {
        var cache = new SessionCache();
        Assert.Null(cache.Peek<string>("metrics"));
        int fetches = 0;
        string value = await cache.GetOrFetchAsync("metrics", _ => { fetches++; return Task.FromResult("catalogue"); }, CancellationToken.None);
        Assert.Equal("catalogue", value);
        Assert.Equal("catalogue", cache.Peek<string>("metrics"));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task A_failed_fetch_is_forgotten_and_the_next_caller_tries_again()
    {
        var cache = new SessionCache();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrFetchAsync<string>("options", _ => throw new InvalidOperationException("down"), CancellationToken.None));
        Assert.Null(cache.Peek<string>("options"));
        Assert.Equal("ok", await cache.GetOrFetchAsync("options", _ => Task.FromResult("ok"), CancellationToken.None));
    }
}
