using System.Net;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Paging;

public class BookmarkPagerTests
{
    private static string Page(int from, int count, string? bookmark) =>
        "{\"items\":[" + string.Join(",", Enumerable.Range(from, count).Select(i => $"{{\"id\":\"{i}\",\"name\":\"c{i}\",\"ad_account_id\":\"7\"}}")) + "]" +
        (bookmark != null ? $",\"bookmark\":\"{bookmark}\"" : ",\"bookmark\":null") + "}";

    [Fact]
    public async Task Follows_bookmarks_to_the_end()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Page(1, 2, "b1"))
            .Then(HttpStatusCode.OK, Page(3, 2, "b2"))
            .Then(HttpStatusCode.OK, Page(5, 1, null));
        using var session = TestSessions.Create(wire);
        var ids = new List<string>();
        await foreach (var c in EntityQueries.Campaigns(session.Api, "7", new EntityFilter(), NullPinLog.Instance, default)) ids.Add(c.Id);
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, ids);
        var requests = wire.Requests.ToArray();
        Assert.DoesNotContain("bookmark", requests[0].Uri.Query);
        Assert.Contains("bookmark=b1", requests[1].Uri.Query);
        Assert.Contains("page_size=250", requests[0].Uri.Query);
    }

    [Fact]
    public async Task Stops_requesting_when_the_consumer_stops()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, Page(1, 2, "again-" + Guid.NewGuid())) };
        using var session = TestSessions.Create(wire);
        int taken = 0;
        await foreach (var _ in EntityQueries.Campaigns(session.Api, "7", new EntityFilter(), NullPinLog.Instance, default))
            if (++taken == 3) break;
        Assert.Equal(2, wire.Requests.Count);
    }

    [Fact]
    public async Task A_repeated_bookmark_ends_with_an_error_instead_of_looping()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, Page(1, 1, "same")) };
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(async () =>
        {
            await foreach (var _ in EntityQueries.Campaigns(session.Api, "7", new EntityFilter(), NullPinLog.Instance, default)) { }
        });
        Assert.Equal("BookmarkRepeated", error.ErrorId);
        Assert.Equal(2, wire.Requests.Count);
    }

    [Fact]
    public async Task More_than_250_ids_are_listed_in_chunks()
    {
        var wire = new ScriptedHandler { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, Page(1, 1, null)) };
        using var session = TestSessions.Create(wire);
        var ids = Enumerable.Range(1, 600).Select(i => i.ToString()).ToList();
        await foreach (var _ in EntityQueries.Campaigns(session.Api, "7", new EntityFilter { Ids = ids }, NullPinLog.Instance, default)) { }
        var counts = wire.Requests.Select(r => r.Uri.Query.Split('&').Count(p => p.StartsWith("campaign_ids=") || p.StartsWith("?campaign_ids="))).ToArray();
        Assert.Equal(new[] { 250, 250, 100 }, counts);
    }
}
