using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

/// <summary>ad_pins/analytics: one campaign_id and at most 100 pin_ids per call.</summary>
public class PinAnalyticsPlanTests
{
    private static IReadOnlyList<string> Numbered(int count, long first) =>
        Enumerable.Range(0, count).Select(i => (first + i).ToString()).ToList();

    private static AnalyticsQuery Query(int campaigns, int pins, int days = 7) => new()
    {
        AdAccountId = "549755885175",
        Level = AnalyticsLevel.Pin,
        CampaignIds = Numbered(campaigns, 5000),
        PinIds = Numbered(pins, 9000),
        StartDate = ApiDates.Today(TimeProvider.System).AddDays(-(days - 1)),
        EndDate = ApiDates.Today(TimeProvider.System),
        Granularity = Granularity.Day,
    };

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 100, 1)]
    [InlineData(1, 101, 2)]
    [InlineData(3, 250, 9)]
    public void Calls_are_campaigns_times_chunks_of_100_pins(int campaigns, int pins, int calls)
    {
        var plan = AnalyticsPlan.Create(Query(campaigns, pins), new[] { "SPEND_IN_DOLLAR" }, new RecordingLog());
        Assert.Equal(calls, plan.Calls.Count);
        foreach (var call in plan.Calls)
        {
            var uri = plan.Request(call).BuildUri(new Uri("http://h/v5")).ToString();
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(uri, "campaign_id="));
            Assert.Contains("campaign_id=" + call.CampaignId, uri);
            Assert.True(call.Ids.Count <= 100);
        }
        // Every (campaign, pin) pair is asked exactly once.
        var pairs = plan.Calls.SelectMany(c => c.Ids.Select(p => c.CampaignId + "|" + p)).ToList();
        Assert.Equal(campaigns * pins, pairs.Distinct().Count());
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void Pins_given_with_Id_are_reported_like_PinId()
    {
        var query = Query(1, 0, days: 200);
        query.PinIds = Array.Empty<string>();
        query.Ids = Numbered(5, 9000);
        query.StartDate = ApiDates.Today(TimeProvider.System).AddDays(-80);
        var plan = AnalyticsPlan.Create(query, new[] { "SPEND_IN_DOLLAR" }, new RecordingLog());
        Assert.Single(plan.Calls);
        Assert.Equal(5, plan.Calls[0].Ids.Count);
    }

    [Theory]
    [InlineData(0, 3, "CampaignIdRequired", "CampaignId")]
    [InlineData(1, 0, "IdRequired", "PinId")]
    public void A_campaign_and_pins_are_required_before_any_request(int campaigns, int pins, string errorId, string parameter)
    {
        var error = Assert.Throws<PinterestValidationException>(() => AnalyticsPlan.Create(Query(campaigns, pins), new[] { "SPEND_IN_DOLLAR" }, new RecordingLog()));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameter, error.ParameterName);
    }
}
