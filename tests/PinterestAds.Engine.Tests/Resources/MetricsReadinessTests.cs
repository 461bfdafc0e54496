using System.Text.Json;
using System.Web;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Resources;
using Xunit;

namespace PinterestAds.Engine.Tests.Resources;

public sealed class MetricsReadinessTests
{
    private static readonly DateTime Today = new(2026, 3, 10);

    [Fact]
    public void Dates_are_calendar_dates_distinct_and_sorted()
    {
        var dates = MetricsReadiness.Validate(new[] { new DateTime(2026, 3, 9, 23, 30, 0), new DateTime(2026, 3, 1), new DateTime(2026, 3, 9) });
        Assert.Equal(new[] { new DateTime(2026, 3, 1), new DateTime(2026, 3, 9) }, dates);
    }

    [Fact]
    public void Future_and_old_dates_are_asked_about_as_the_description_allows()
    {
        // The description limits metrics_ready_state's date to its format: no lookback, no "not after today".
        var dates = MetricsReadiness.Validate(new[] { Today.AddDays(3), Today.AddYears(-5), DateTime.MinValue });
        Assert.Equal(new[] { DateTime.MinValue, Today.AddYears(-5), Today.AddDays(3) }, dates);
    }

    [Fact]
    public void No_dates_is_an_error()
    {
        Assert.Equal("DateMissing", Assert.Throws<PinterestValidationException>(() => MetricsReadiness.Validate(Array.Empty<DateTime>())).ErrorId);
    }

    [Fact]
    public void Parse_reads_both_flags()
    {
        using var doc = JsonDocument.Parse("""{"conversion_metrics_ready":false,"non_conversion_metrics_ready":true}""");
        var state = MetricsReadiness.Parse(doc.RootElement, Today);
        Assert.Equal((false, true, false), (state.ConversionMetricsReady!.Value, state.NonConversionMetricsReady!.Value, state.AllMetricsReady));
    }

    [Fact]
    public async Task One_request_per_date_results_in_date_order()
    {
        await using var server = new FakePinterestServer();
        var today = ApiDates.Today(TimeProvider.System);
        // Ready flags that depend on the date asked, so a mix-up of answers would show.
        server.On("/resources/metrics_ready_state", request =>
        {
            var date = DateTime.Parse(HttpUtility.ParseQueryString(request.Url!.Query)["date"]!);
            int age = (today - date).Days;
            Thread.Sleep(7 * (age % 3));
            return (200, $$"""{"conversion_metrics_ready":{{(age >= 2 ? "true" : "false")}},"non_conversion_metrics_ready":{{(age >= 1 ? "true" : "false")}}}""");
        });
        using var session = server.NewSession();
        var dates = Enumerable.Range(0, 6).Select(i => today.AddDays(-i)).ToArray();

        var states = await MetricsReadiness.GetAsync(session, dates, NullPinLog.Instance, default);

        Assert.Equal(dates.OrderBy(d => d), states.Select(s => s.Date));
        Assert.All(states, s => Assert.Equal((today - s.Date).Days >= 2, s.ConversionMetricsReady));
        Assert.All(states, s => Assert.Equal((today - s.Date).Days >= 1, s.NonConversionMetricsReady));
        Assert.Equal(6, server.Requests.Count);
        Assert.All(dates, d => Assert.Contains($"/v5/resources/metrics_ready_state?date={d:yyyy-MM-dd}", server.Requests));
    }

    [Fact]
    public async Task No_dates_send_nothing()
    {
        await using var server = new FakePinterestServer();
        using var session = server.NewSession();
        await Assert.ThrowsAsync<PinterestValidationException>(() =>
            MetricsReadiness.GetAsync(session, Array.Empty<DateTime>(), NullPinLog.Instance, default));
        Assert.Empty(server.Requests);
    }
}
