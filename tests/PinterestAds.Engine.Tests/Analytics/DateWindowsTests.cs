using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

public class DateWindowsTests
{
    private static DateTime Today => ApiDates.Today(TimeProvider.System);

    [Fact]
    public void Ninety_one_days_at_day_granularity_are_one_call_as_the_end_may_be_90_days_after_the_start()
    {
        // query_end_date: "Cannot be more than 90 days past start_date".
        var spans = DateWindows.Plan(Today.AddDays(-90), Today, Today, Granularity.Day, false, new RecordingLog());
        Assert.Single(spans);
        Assert.Equal(91, spans[0].Days);
        Assert.Equal(Today, spans[0].End);
    }

    [Fact]
    public void Hour_granularity_uses_three_day_spans_and_an_eight_day_lookback()
    {
        var spans = DateWindows.Plan(Today.AddDays(-8), Today, Today, Granularity.Hour, false, new RecordingLog());
        Assert.Equal(new[] { 3, 3, 3 }, spans.Select(s => s.Days));
        var error = Assert.Throws<PinterestValidationException>(() => DateWindows.Plan(Today.AddDays(-9), Today, Today, Granularity.Hour, false, new RecordingLog()));
        Assert.Equal("StartDateBeyondLookback", error.ErrorId);
        Assert.Contains("8 days", error.Message);
    }

    [Fact]
    public void A_start_beyond_the_lookback_fails_pointing_to_async_reports()
    {
        var error = Assert.Throws<PinterestValidationException>(() => DateWindows.Plan(Today.AddDays(-120), Today, Today, Granularity.Day, false, new RecordingLog()));
        Assert.Equal("StartDateBeyondLookback", error.ErrorId);
        Assert.Equal("StartDate", error.ParameterName);
        Assert.Contains("New-PinAsyncReport", error.Message);
        Assert.Contains("-ClampToAvailable", error.Message);
    }

    [Fact]
    public void Clamping_trims_the_start_with_a_warning()
    {
        var log = new RecordingLog();
        var spans = DateWindows.Plan(Today.AddDays(-120), Today.AddDays(-10), Today, Granularity.Day, true, log);
        Assert.Equal(Today.AddDays(-ApiLimits.SyncAnalytics.LookbackDays), spans[0].Start);
        Assert.Contains(log.Warnings, w => w.Contains("-ClampToAvailable"));
    }

    [Fact]
    public void Clamping_cannot_rescue_a_range_that_ends_before_the_lookback()
    {
        var error = Assert.Throws<PinterestValidationException>(() => DateWindows.Plan(Today.AddDays(-200), Today.AddDays(-150), Today, Granularity.Day, true, new RecordingLog()));
        Assert.Equal("StartDateBeyondLookback", error.ErrorId);
    }

    [Theory]
    [InlineData(Granularity.Total)]
    [InlineData(Granularity.Week)]
    [InlineData(Granularity.Month)]
    public void Buckets_that_cannot_be_merged_across_spans_fit_the_whole_lookback_in_one(Granularity granularity)
    {
        // start >= today - 90 and end <= start + 90: every sync range fits one call.
        Assert.Single(DateWindows.Plan(Today.AddDays(-90), Today, Today, granularity, false, new RecordingLog()));
    }

    [Fact]
    public void End_before_start_fails_and_a_future_end_is_trimmed_to_today()
    {
        Assert.Equal("EndDateBeforeStartDate",
            Assert.Throws<PinterestValidationException>(() => DateWindows.Plan(Today, Today.AddDays(-1), Today, Granularity.Day, false, new RecordingLog())).ErrorId);
        var log = new RecordingLog();
        var spans = DateWindows.Plan(Today.AddDays(-1), Today.AddDays(3), Today, Granularity.Day, false, log);
        Assert.Equal(Today, spans.Single().End);
        Assert.Single(log.Warnings);
    }
}
