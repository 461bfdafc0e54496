using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Bulk;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Session;

/// <summary>
/// "Today" is the session clock's UTC date (ApiDates.Today(session.Time)), carried by each query as Today:
/// lookback, "ends today" and path choice count from it, not from the system clock behind the session's back.
/// </summary>
public class SessionTodayTests
{
    private static readonly DateTime FixedToday = new(2026, 6, 1);

    [Fact]
    public void Today_is_the_UTC_date_of_the_clock_given()
    {
        var lateEvening = new TestTime(start: new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.FromHours(-5)));
        Assert.Equal(new DateTime(2026, 6, 2), ApiDates.Today(lateEvening));
        Assert.Equal(FixedToday, ApiDates.Today(new TestTime(start: new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void A_session_made_on_a_clock_has_that_clocks_today()
    {
        var time = new TestTime(start: new DateTimeOffset(2025, 12, 31, 8, 0, 0, TimeSpan.Zero));
        using var session = TestSessions.Create(new ScriptedHandler(), configure: o => o.Time = time);
        Assert.Equal(new DateTime(2025, 12, 31), ApiDates.Today(session.Time));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DateTime(2026, 1, 1), ApiDates.Today(session.Time));
    }

    [Fact]
    public void The_path_choice_counts_the_sync_reach_from_the_querys_today()
    {
        var query = new AnalyticsQuery
        {
            AdAccountId = "549755885175",
            Level = AnalyticsLevel.Campaign,
            Ids = new[] { "1" },
            StartDate = FixedToday.AddDays(-120),
            EndDate = FixedToday.AddDays(-100),
            Granularity = Granularity.Day,
            Columns = new[] { "SPEND_IN_DOLLAR" },
            Today = FixedToday,
        };
        Assert.Equal(AnalyticsMode.Async, AnalyticsPathPlanner.Choose(query).Path);
        // Asked 60 days earlier, the same dates lie inside the synchronous 90 days.
        query.Today = FixedToday.AddDays(-60);
        Assert.Equal(AnalyticsMode.Sync, AnalyticsPathPlanner.Choose(query).Path);
    }

    [Fact]
    public void The_async_lookback_counts_from_the_specs_today()
    {
        var spec = new AsyncReportQuery
        {
            AdAccountId = "1",
            Level = ReportLevel.Campaign,
            StartDate = FixedToday.AddDays(-(ApiLimits.AsyncReport.LookbackDays + 5)),
            EndDate = FixedToday.AddDays(-(ApiLimits.AsyncReport.LookbackDays + 1)),
            Granularity = Granularity.Day,
            Columns = new[] { "SPEND_IN_DOLLAR" },
            Today = FixedToday,
        };
        var error = Assert.Throws<PinterestValidationException>(() => ReportRequestPlanner.Plan(spec));
        Assert.Equal(ErrorIds.StartDateBeyondLookback, error.ErrorId);
        Assert.Contains(ApiDates.Format(FixedToday.AddDays(-ApiLimits.AsyncReport.LookbackDays)), error.Message);
        spec.Today = FixedToday.AddDays(-10);
        Assert.NotEmpty(ReportRequestPlanner.Plan(spec).Reports);
    }

    [Fact]
    public void A_date_after_the_querys_today_is_in_the_future_whatever_the_system_date()
    {
        var error = Assert.Throws<PinterestValidationException>(() =>
            DateWindows.Plan(FixedToday.AddDays(1), FixedToday.AddDays(2), FixedToday, Granularity.Day, false, PinterestAds.Engine.Logging.NullPinLog.Instance));
        Assert.Equal(ErrorIds.StartDateInFuture, error.ErrorId);
        Assert.Contains("today is 2026-06-01", error.Message);
    }

    [Fact]
    public void UpdatedSince_is_in_the_future_against_the_time_given()
    {
        var spec = new BulkDownloadSpec { AdAccountId = "1", UpdatedSince = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero) };
        var error = Assert.Throws<PinterestValidationException>(() => BulkDownloads.BuildBody(spec, spec.UpdatedSince.Value.AddMinutes(-1)));
        Assert.Equal(ErrorIds.UpdatedSinceInFuture, error.ErrorId);
        Assert.NotEmpty(BulkDownloads.BuildBody(spec, spec.UpdatedSince.Value.AddMinutes(1)));
    }
}
