using System.Text.Json;
using PinterestAds.Engine.Audience;
using PinterestAds.Engine.Logging;
using Xunit;

namespace PinterestAds.Engine.Tests.Resources;

public sealed class AudienceInsightsTests
{
    private const string Insight = """
        {"type":"YOUR_ENGAGED_AUDIENCE","date":"2022-10-09","size":10000,"size_is_upper_bound":true,
         "categories":[
           {"id":"1","key":"travel","name":"Travel","ratio":0.551,"index":1.2,
            "subcategories":[{"id":"11","key":"travel_destinations","name":"travel destinations","ratio":0.482,"index":1.3},
                             {"id":"12","key":"road_trips","name":"road trips","ratio":0.1,"index":0.9}]},
           {"id":"2","key":"food","name":"Food","ratio":0.3,"index":0.8}],
         "demographics":{"ages":[{"key":"25-34","name":"25-34","ratio":0.6},{"key":"35-44","name":"35-44","ratio":0.4}],
                         "genders":[{"key":"female","name":"Female","ratio":1}],
                         "devices":[],
                         "metros":[{"key":"500","name":"U.S.: Portland-Auburn","ratio":1}],
                         "countries":[{"key":"us","name":"United States","ratio":0.551}]}}
        """;

    private static PinAudienceInsight ParseInsight(string json = Insight)
    {
        using var doc = JsonDocument.Parse(json);
        return new PinAudienceInsight("549755885175", AudienceInsightType.YourTotalAudience, doc.RootElement);
    }

    [Fact]
    public void Insight_reads_every_field_of_the_schema()
    {
        var insight = ParseInsight();
        Assert.Equal(AudienceInsightType.YourEngagedAudience, insight.Type);
        Assert.Equal(new DateTime(2022, 10, 9), insight.Date);
        Assert.Equal(10000, insight.Size);
        Assert.True(insight.SizeIsUpperBound);
        Assert.Equal(2, insight.Categories.Count);
        Assert.Equal(0.551m, insight.Categories[0].Ratio);
        Assert.Equal(1.2m, insight.Categories[0].Index);
        Assert.Equal("travel destinations", insight.Categories[0].Subcategories[0].Name);
        Assert.Empty(insight.Categories[1].Subcategories);
        Assert.Equal(2, insight.Demographics.Ages.Count);
        Assert.Empty(insight.Demographics.Devices);
        Assert.Equal("United States", insight.Demographics.Countries[0].Name);
    }

    [Fact]
    public void Missing_parts_read_as_empty_and_the_requested_type_is_kept()
    {
        var insight = ParseInsight("{}");
        Assert.Equal(AudienceInsightType.YourTotalAudience, insight.Type);
        Assert.Null(insight.Size);
        Assert.Empty(insight.Categories);
        Assert.Empty(insight.Demographics.Metros);
        Assert.Empty(insight.ToRows());
    }

    [Fact]
    public void Rows_cover_every_category_subcategory_and_demographic_value_once()
    {
        var rows = ParseInsight().ToRows().ToList();
        Assert.Equal(2 + 2 + 2 + 1 + 0 + 1 + 1, rows.Count);
        Assert.Equal(new[] { AudienceDimension.Category, AudienceDimension.Subcategory, AudienceDimension.Subcategory, AudienceDimension.Category,
            AudienceDimension.Age, AudienceDimension.Age, AudienceDimension.Gender, AudienceDimension.Metro, AudienceDimension.Country }, rows.Select(r => r.Dimension));
        var sub = rows[1];
        Assert.Equal(("travel", "Travel", "travel_destinations", 0.482m, 1.3m), (sub.ParentKey, sub.ParentName, sub.Key, sub.Ratio, sub.Index));
        Assert.All(rows, r => Assert.Equal((AudienceInsightType.YourEngagedAudience, 10000L, "549755885175"), (r.Type, r.AudienceSize!.Value, r.AdAccountId)));
        Assert.Null(rows[4].Index);
    }

    [Fact]
    public async Task Each_type_is_one_request_in_the_order_given()
    {
        await using var server = new FakePinterestServer();
        server.On("/ad_accounts/549755885175/audience_insights", request =>
            (200, Insight.Replace("YOUR_ENGAGED_AUDIENCE", System.Web.HttpUtility.ParseQueryString(request.Url!.Query)["audience_insight_type"])));
        using var session = server.NewSession();

        var insights = await AudienceInsights.GetAsync(session, "549755885175",
            new[] { AudienceInsightType.PinterestTotalAudience, AudienceInsightType.YourEngagedAudience, AudienceInsightType.PinterestTotalAudience }, NullPinLog.Instance, default);

        Assert.Equal(new[] { AudienceInsightType.PinterestTotalAudience, AudienceInsightType.YourEngagedAudience }, insights.Select(i => i.Type));
        Assert.Equal(new[]
        {
            "/v5/ad_accounts/549755885175/audience_insights?audience_insight_type=PINTEREST_TOTAL_AUDIENCE",
            "/v5/ad_accounts/549755885175/audience_insights?audience_insight_type=YOUR_ENGAGED_AUDIENCE",
        }, server.Requests);
    }

    [Fact]
    public async Task Bad_account_id_sends_nothing()
    {
        await using var server = new FakePinterestServer();
        using var session = server.NewSession();
        var error = await Assert.ThrowsAsync<PinterestValidationException>(() =>
            AudienceInsights.GetAsync(session, "1234567890123456789", new[] { AudienceInsightType.YourTotalAudience }, NullPinLog.Instance, default));
        Assert.Equal("IdTooLong", error.ErrorId);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Definitions_read_scope_type_and_date()
    {
        using var doc = JsonDocument.Parse("""{"items":[{"scope":"PARTNER","type":"IMPRESSION_PLUS_ENGAGEMENT","date":"2022-10-09"},{"scope":"PINTEREST","type":"ENGAGEMENT","date":null}]}""");
        var definitions = AudienceInsights.ParseDefinitions("1", doc.RootElement);
        Assert.Equal(("PARTNER", "IMPRESSION_PLUS_ENGAGEMENT", (DateTime?)new DateTime(2022, 10, 9)), (definitions[0].Scope, definitions[0].Type, definitions[0].Date));
        Assert.Null(definitions[1].Date);
    }
}
