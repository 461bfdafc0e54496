using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

public class AnalyticsPlanTests
{
    private static DateTime Today => ApiDates.Today(TimeProvider.System);

    private static IReadOnlyList<string> Numbered(int count, long first = 1000) =>
        Enumerable.Range(0, count).Select(i => (first + i).ToString()).ToList();

    private static AnalyticsQuery Query(AnalyticsLevel level, int ids, int days = 7, Granularity granularity = Granularity.Day) => new()
    {
        AdAccountId = "549755885175",
        Level = level,
        Ids = level == AnalyticsLevel.AdAccount ? Array.Empty<string>() : Numbered(ids),
        StartDate = Today.AddDays(-(days - 1)),
        EndDate = Today,
        Granularity = granularity,
    };

    private static AnalyticsPlan Plan(AnalyticsQuery query, params string[] columns) =>
        AnalyticsPlan.Create(query, columns.Length == 0 ? new[] { "SPEND_IN_DOLLAR" } : columns, new RecordingLog());

    [Theory]
    [InlineData(1, 1)]
    [InlineData(250, 1)]
    [InlineData(251, 2)]
    [InlineData(2000, 8)]
    public void Ids_split_into_calls_of_at_most_250(int ids, int calls)
    {
        var plan = Plan(Query(AnalyticsLevel.Campaign, ids));
        Assert.Equal(calls, plan.Calls.Count);
        Assert.All(plan.Calls, c => Assert.True(c.Ids.Count <= ApiLimits.SyncIdsPerCall));
        Assert.Equal(Numbered(ids), plan.Calls.SelectMany(c => c.Ids));
    }

    [Fact]
    public void Chunks_times_spans_is_the_number_of_calls_in_chunk_then_span_order()
    {
        // Two HOUR spans (3 days each): a DAY range inside the 90-day lookback is always one call (end <= start + 90).
        var plan = Plan(Query(AnalyticsLevel.AdGroup, 600, days: 6, granularity: Granularity.Hour));
        Assert.Equal(3 * 2, plan.Calls.Count);
        Assert.Equal(new[] { 0, 0, 1, 1, 2, 2 }, plan.Calls.Select(c => c.ChunkIndex));
        Assert.Equal(plan.Spans[0].Start, plan.Calls[2].Span.Start);
        Assert.Equal(plan.Spans[1].Start, plan.Calls[3].Span.Start);
    }

    [Fact]
    public void The_request_encodes_columns_comma_joined_and_ids_repeated()
    {
        var plan = Plan(Query(AnalyticsLevel.Campaign, 3), "SPEND_IN_DOLLAR", "IMPRESSION_1");
        var uri = plan.Request(plan.Calls[0]).BuildUri(new Uri("http://127.0.0.1:1/v5")).ToString();
        Assert.Contains("/ad_accounts/549755885175/campaigns/analytics?", uri);
        Assert.Contains("columns=SPEND_IN_DOLLAR,IMPRESSION_1", uri);
        Assert.Contains("campaign_ids=1000&campaign_ids=1001&campaign_ids=1002", uri);
        Assert.Contains("granularity=DAY", uri);
        Assert.Contains($"start_date={ApiDates.Format(Today.AddDays(-6))}", uri);
    }

    [Fact]
    public void Every_optional_parameter_reaches_the_request()
    {
        var query = Query(AnalyticsLevel.Campaign, 1);
        query.ClickWindowDays = 7;
        query.EngagementWindowDays = 14;
        query.ViewWindowDays = 0;
        query.ConversionReportTime = ConversionReportTime.TimeOfConversion;
        query.ReportingTimeZone = ReportingTimeZone.AdAccountTimeZone;
        query.AggregateReportRows = true;
        var uri = Plan(query).Request(Plan(query).Calls[0]).BuildUri(new Uri("http://h/v5")).ToString();
        foreach (var expected in new[] { "click_window_days=7", "engagement_window_days=14", "view_window_days=0",
                     "conversion_report_time=TIME_OF_CONVERSION", "reporting_timezone=AD_ACCOUNT_TIME_ZONE", "aggregate_report_rows=true" })
            Assert.Contains(expected, uri);
    }

    [Fact]
    public void The_ads_operation_takes_campaign_and_pin_filters_and_splits_one_list()
    {
        var query = Query(AnalyticsLevel.Ad, 0);
        query.CampaignIds = Numbered(300, 5000);
        query.PinIds = Numbered(2, 9000);
        var plan = Plan(query);
        Assert.Equal("campaign_ids", plan.ChunkedParameter);
        Assert.Equal(2, plan.Calls.Count);
        var uri = plan.Request(plan.Calls[1]).BuildUri(new Uri("http://h/v5")).ToString();
        Assert.Contains("pin_ids=9000&pin_ids=9001", uri);
        Assert.DoesNotContain("ad_ids", uri);
    }

    [Fact]
    public void A_second_id_list_over_its_limit_fails_naming_it()
    {
        var query = Query(AnalyticsLevel.Ad, 10);
        query.PinIds = Numbered(101, 9000);
        var error = Assert.Throws<PinterestValidationException>(() => Plan(query));
        Assert.Equal("TooManyIds", error.ErrorId);
        Assert.Equal("PinId", error.ParameterName);
        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void Parameters_an_operation_lacks_are_refused()
    {
        var query = Query(AnalyticsLevel.Ad, 1);
        query.AggregateReportRows = true;
        var error = Assert.Throws<PinterestValidationException>(() => Plan(query));
        Assert.Equal("ParameterNotApplicable", error.ErrorId);
        Assert.Contains("Campaign", error.Message);

        var campaigns = Query(AnalyticsLevel.Campaign, 1);
        campaigns.CampaignIds = new[] { "1" };
        Assert.Equal("CampaignId", Assert.Throws<PinterestValidationException>(() => Plan(campaigns)).ParameterName);
    }

    [Fact]
    public void Ids_are_required_where_the_operation_requires_them_and_refused_at_the_account_level()
    {
        Assert.Equal("IdRequired", Assert.Throws<PinterestValidationException>(() => Plan(Query(AnalyticsLevel.Campaign, 0))).ErrorId);
        var account = Query(AnalyticsLevel.AdAccount, 0);
        account.Ids = new[] { "1" };
        Assert.Equal("IdNotApplicable", Assert.Throws<PinterestValidationException>(() => Plan(account)).ErrorId);
        var bad = Query(AnalyticsLevel.Campaign, 1);
        bad.Ids = new[] { "12a" };
        Assert.Equal("IdNotNumeric", Assert.Throws<PinterestValidationException>(() => Plan(bad)).ErrorId);
    }

    [Fact]
    public void Attribution_windows_are_checked_against_the_description()
    {
        var query = Query(AnalyticsLevel.Campaign, 1);
        query.ViewWindowDays = 3;
        var error = Assert.Throws<PinterestValidationException>(() => Plan(query));
        Assert.Equal("AttributionWindowInvalid", error.ErrorId);
        Assert.Contains("0, 1, 7, 14, 30, 60", error.Message);
    }

    [Fact]
    public void Targeting_types_split_at_each_operations_maximum()
    {
        var all = Enum.GetValues<AnalyticsTargetingType>();
        var campaign = Query(AnalyticsLevel.Campaign, 1);
        campaign.Targeting = true;
        campaign.TargetingTypes = all.Where(t => AnalyticsOperation.For(AnalyticsLevel.Campaign, true).TargetingTypes.Contains(ApiNames.ToApi(t))).ToList();
        Assert.Equal(15, campaign.TargetingTypes.Count);
        var plan = Plan(campaign);
        Assert.Equal(new[] { 14, 1 }, plan.Calls.Select(c => c.TargetingTypes.Count));
        var uri = plan.Request(plan.Calls[0]).BuildUri(new Uri("http://h/v5")).ToString();
        Assert.Contains("targeting_types=KEYWORD,APPTYPE,", uri);

        var account = Query(AnalyticsLevel.AdAccount, 0);
        account.Targeting = true;
        account.TargetingTypes = all.Where(t => AnalyticsOperation.For(AnalyticsLevel.AdAccount, true).TargetingTypes.Contains(ApiNames.ToApi(t))).ToList();
        Assert.Single(Plan(account).Calls);
    }

    [Fact]
    public void A_targeting_type_the_level_lacks_is_refused_with_the_valid_ones()
    {
        var query = Query(AnalyticsLevel.Campaign, 1);
        query.Targeting = true;
        query.TargetingTypes = new[] { AnalyticsTargetingType.QuizResult };
        var error = Assert.Throws<PinterestValidationException>(() => Plan(query));
        Assert.Equal("TargetingTypeNotSupported", error.ErrorId);
        Assert.Contains("AudienceMultiplier", error.Message);
    }

    [Fact]
    public void Product_groups_have_no_targeting_operation()
    {
        var error = Assert.Throws<PinterestValidationException>(() => AnalyticsOperation.For(AnalyticsLevel.ProductGroup, targeting: true));
        Assert.Equal("LevelNotSupported", error.ErrorId);
    }

    [Fact]
    public void Every_parameter_of_every_analytics_operation_is_covered()
    {
        // The query model must be able to send every parameter the description defines for these operations.
        var covered = new HashSet<string>
        {
            "ad_account_id", "start_date", "end_date", "columns", "granularity", "click_window_days", "engagement_window_days",
            "view_window_days", "conversion_report_time", "reporting_timezone", "aggregate_report_rows", "campaign_ids",
            "ad_group_ids", "ad_ids", "product_group_ids", "pin_ids", "targeting_types", "attribution_types",
            "campaign_id", // ad_pins/analytics: one campaign per call
        };
        foreach (var targeting in new[] { false, true })
            foreach (var level in AnalyticsOperation.Levels(targeting))
                foreach (var parameter in AnalyticsOperation.For(level, targeting).Api.Parameters.Keys)
                    Assert.Contains(parameter, covered);
    }
}
