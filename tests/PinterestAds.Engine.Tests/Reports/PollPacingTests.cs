using PinterestAds.Engine.Http;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Reports;

/// <summary>Polling is paced by the budget of each job's status operation's own rate-limit category.</summary>
public class PollPacingTests
{
    private static ReportJob Job(PinterestSession? session, ReportJobKind kind) =>
        new(session, "1", "t", kind, kind == ReportJobKind.Bulk ? ReportStatuses.Running : ReportStatuses.InProgress, ReportFormat.Csv, DateTimeOffset.UtcNow);

    [Fact]
    public void Each_kind_polls_through_its_catalogue_category()
    {
        Assert.Equal(ApiCatalog.Current.Operation("bulk_request/get").RateLimitCategory, ReportWaiter.StatusOperation(Job(null, ReportJobKind.Bulk)).RateLimitCategory);
        Assert.Equal("ads_read", ReportWaiter.StatusOperation(Job(null, ReportJobKind.Bulk)).RateLimitCategory);
        Assert.Equal("ads_analytics", ReportWaiter.StatusOperation(Job(null, ReportJobKind.Analytics)).RateLimitCategory);
        Assert.Equal("analytics/get_mmm_report", ReportWaiter.StatusOperation(Job(null, ReportJobKind.Mmm)).Id);
        Assert.Equal(ApiCatalog.Current.Operation("analytics/get_mmm_report").RateLimitCategory, ReportWaiter.StatusOperation(Job(null, ReportJobKind.Mmm)).RateLimitCategory);
    }

    [Fact]
    public void Bulk_polls_are_paced_by_ads_read_and_report_polls_by_ads_analytics()
    {
        var waiter = new ReportWaiter(jitter: new Jitter(3)) { BudgetShare = 0.5, MaxDelay = TimeSpan.FromMilliseconds(1), Jitter = 0 };
        var bulk = Enumerable.Range(0, 10).Select(_ => Job(null, ReportJobKind.Bulk)).ToList();
        var reports = Enumerable.Range(0, 10).Select(_ => Job(null, ReportJobKind.Analytics)).ToList();

        var bulkDelay = waiter.NextDelay(TimeSpan.FromMilliseconds(1), ReportWaiter.PollLoads(bulk));
        var reportDelay = waiter.NextDelay(TimeSpan.FromMilliseconds(1), ReportWaiter.PollLoads(reports));
        // 10 polls a round may use half of the category's per-minute budget.
        Assert.Equal(10 * 60000.0 / (ApiLimits.AdsReadPerMinute * 0.5), bulkDelay.TotalMilliseconds, 3);
        Assert.Equal(10 * 60000.0 / (ApiLimits.AdsAnalyticsPerMinute * 0.5), reportDelay.TotalMilliseconds, 3);

        // Mixed: the slower category sets the pace, each counted against its own budget.
        var mixed = ReportWaiter.PollLoads(bulk.Concat(reports));
        Assert.Equal(2, mixed.Count);
        Assert.Equal(reportDelay, waiter.NextDelay(TimeSpan.FromMilliseconds(1), mixed));
    }

    [Fact]
    public void The_sessions_own_budgets_are_used()
    {
        using var session = TestSessions.Create(new ScriptedHandler(),
            configure: o => o.RequestsPerMinute = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["ads_analytics"] = 6 });
        var loads = ReportWaiter.PollLoads(new[] { Job(session, ReportJobKind.Analytics), Job(session, ReportJobKind.Bulk) });
        Assert.Equal(6, loads.Single(l => l.Category == "ads_analytics").PerMinute);
        Assert.Equal(ApiLimits.AdsReadPerMinute, loads.Single(l => l.Category == "ads_read").PerMinute);
    }
}
