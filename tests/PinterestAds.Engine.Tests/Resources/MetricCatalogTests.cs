using System.Text.Json;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Resources;
using Xunit;

namespace PinterestAds.Engine.Tests.Resources;

public sealed class MetricCatalogTests
{
    private const string Catalogue = """
        {"items":[
          {"name":"CLICKTHROUGH_2","display_name":"Earned Pin clicks","definition":"Clicks on earned Pins.","category":"ADS"},
          {"name":"SPEND_IN_DOLLAR","display_name":"Spend","definition":"Money spent.","category":"ADS"},
          {"name":"PIN_CLICK","definition":"Organic clicks.","category":"ORGANIC"},
          {"name":"ODD_ONE","category":"SOMETHING_NEW"},
          {"name":"CLICKTHROUGH_2","display_name":"Duplicate"},
          {"display_name":"no name, skipped"}
        ]}
        """;

    [Fact]
    public void Parse_reads_every_field_keeps_first_of_duplicates_and_skips_nameless_items()
    {
        using var doc = JsonDocument.Parse(Catalogue);
        var list = MetricCatalog.Parse(doc.RootElement, MetricReportType.Sync);

        Assert.Equal(new[] { "CLICKTHROUGH_2", "SPEND_IN_DOLLAR", "PIN_CLICK", "ODD_ONE" }, list.Select(d => d.Name));
        var clicks = list[0];
        Assert.Equal("Earned Pin clicks", clicks.DisplayName);
        Assert.Equal("Clicks on earned Pins.", clicks.Definition);
        Assert.Equal(MetricCategory.Ads, clicks.Category);
        Assert.Equal(MetricReportType.Sync, clicks.ReportType);
        Assert.Null(list[2].DisplayName);
        Assert.Equal(MetricCategory.Organic, list[2].Category);
        Assert.Null(list[3].Category);
    }

    [Fact]
    public void Parse_of_an_unexpected_body_is_empty_not_an_exception()
    {
        using var doc = JsonDocument.Parse("[]");
        Assert.Empty(MetricCatalog.Parse(doc.RootElement, null));
    }

    [Fact]
    public async Task Catalogue_is_fetched_once_per_report_type_and_peek_never_fetches()
    {
        await using var server = new FakePinterestServer();
        server.On("/resources/delivery_metrics", Catalogue);
        using var session = server.NewSession();

        Assert.Null(MetricCatalog.Peek(session, MetricReportType.Sync));
        Assert.Equal(0, server.Count("/resources"));

        var first = await MetricCatalog.GetAsync(session, MetricReportType.Sync, NullPinLog.Instance, default);
        var second = await MetricCatalog.GetAsync(session, MetricReportType.Sync, NullPinLog.Instance, default);
        Assert.Same(first, second);
        Assert.Equal(new[] { "/v5/resources/delivery_metrics?report_type=SYNC" }, server.Requests);
        Assert.Same(first, MetricCatalog.Peek(session, MetricReportType.Sync));
        Assert.Null(MetricCatalog.Peek(session, MetricReportType.Async));

        await MetricCatalog.GetAsync(session, null, NullPinLog.Instance, default);
        Assert.Contains("/v5/resources/delivery_metrics", server.Requests);
        Assert.Equal(2, server.Count("/resources/delivery_metrics"));
        Assert.Equal(8, MetricCatalog.PeekAny(session).Count()); // the unset and SYNC catalogues, 4 each
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        await using var server = new FakePinterestServer();
        server.On("/resources/delivery_metrics", _ => { Thread.Sleep(200); return (200, Catalogue); });
        using var session = server.NewSession();

        var calls = Enumerable.Range(0, 20).Select(_ => MetricCatalog.GetAsync(session, MetricReportType.Async, NullPinLog.Instance, default)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, server.Count("/resources/delivery_metrics"));
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task A_failed_fetch_is_not_cached()
    {
        await using var server = new FakePinterestServer();
        int calls = 0;
        server.On("/resources/delivery_metrics", _ => Interlocked.Increment(ref calls) == 1
            ? (403, """{"code":29,"message":"You are not permitted to access that resource."}""")
            : (200, Catalogue));
        using var session = server.NewSession();

        var error = await Assert.ThrowsAsync<PinterestApiException>(() => MetricCatalog.GetAsync(session, null, NullPinLog.Instance, default));
        Assert.Equal("PermissionDenied", error.ErrorId);
        Assert.Null(MetricCatalog.Peek(session, null));

        var list = await MetricCatalog.GetAsync(session, null, NullPinLog.Instance, default);
        Assert.Equal(4, list.Count);
        Assert.Equal(2, server.Count("/resources/delivery_metrics"));
    }
}
