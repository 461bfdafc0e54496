using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

/// <summary>The planner of the one reporting model: path choice, aligned splits, TOTAL merge rules.</summary>
public class AnalyticsPathPlannerTests
{
    private static DateTime Today => ApiDates.Today(TimeProvider.System);

    private static AnalyticsQuery Query(int daysBack, Granularity granularity, AnalyticsMode mode = AnalyticsMode.Auto, PinEnvironment environment = PinEnvironment.Production) => new()
    {
        AdAccountId = "549755885175",
        Level = AnalyticsLevel.Campaign,
        Ids = new[] { "1" },
        StartDate = Today.AddDays(-daysBack),
        EndDate = Today.AddDays(-1),
        Granularity = granularity,
        Mode = mode,
        Environment = environment,
        Columns = new[] { "SPEND_IN_DOLLAR" },
    };

    [Theory]
    [InlineData(30, Granularity.Day, AnalyticsMode.Sync)]
    [InlineData(90, Granularity.Day, AnalyticsMode.Sync)]
    [InlineData(91, Granularity.Day, AnalyticsMode.Async)]
    [InlineData(400, Granularity.Day, AnalyticsMode.Async)]
    [InlineData(60, Granularity.Total, AnalyticsMode.Sync)]
    [InlineData(7, Granularity.Hour, AnalyticsMode.Sync)]
    [InlineData(200, Granularity.Week, AnalyticsMode.Async)]
    public void Auto_chooses_sync_inside_its_limits_and_async_beyond(int daysBack, Granularity granularity, AnalyticsMode expected)
    {
        var choice = AnalyticsPathPlanner.Choose(Query(daysBack, granularity));
        Assert.Equal(expected, choice.Path);
        Assert.False(string.IsNullOrWhiteSpace(choice.Reason));
    }

    [Fact]
    public void Auto_never_chooses_async_in_the_sandbox()
    {
        var error = Assert.Throws<PinterestValidationException>(() => AnalyticsPathPlanner.Choose(Query(200, Granularity.Day, environment: PinEnvironment.Sandbox)));
        Assert.Equal("BeyondSyncLimitsInSandbox", error.ErrorId);
        Assert.Contains("sandbox", error.Message);
        Assert.Equal(AnalyticsMode.Sync, AnalyticsPathPlanner.Choose(Query(30, Granularity.Day, environment: PinEnvironment.Sandbox)).Path);
        Assert.Equal("AsyncNotInSandbox", Assert.Throws<PinterestValidationException>(() =>
            AnalyticsPathPlanner.Choose(Query(30, Granularity.Day, AnalyticsMode.Async, PinEnvironment.Sandbox))).ErrorId);
    }

    [Fact]
    public void Sync_only_options_keep_auto_on_the_sync_path_and_are_refused_by_async()
    {
        var query = Query(30, Granularity.Day, AnalyticsMode.Async);
        query.AggregateReportRows = true;
        Assert.Equal("ParameterNotApplicable", Assert.Throws<PinterestValidationException>(() => AnalyticsPathPlanner.Choose(query)).ErrorId);
        query.Mode = AnalyticsMode.Auto;
        Assert.Equal(AnalyticsMode.Sync, AnalyticsPathPlanner.Choose(query).Path);
    }

    [Fact]
    public void Beyond_the_async_lookback_is_refused_naming_it()
    {
        var error = Assert.Throws<PinterestValidationException>(() => AnalyticsPathPlanner.Choose(Query(1000, Granularity.Day)));
        Assert.Equal("StartDateBeyondLookback", error.ErrorId);
        Assert.Contains("914", error.Message);
    }

    [Fact]
    public void Week_parts_end_on_sundays_and_month_parts_on_month_ends()
    {
        var start = new DateTime(2025, 1, 8); // a Wednesday
        var weeks = ReportWindows.Split(start, start.AddDays(399), 186, Granularity.Week);
        Assert.All(weeks.Take(weeks.Count - 1), r => Assert.Equal(DayOfWeek.Sunday, r.End.DayOfWeek));
        Assert.All(weeks, r => Assert.True((r.End - r.Start).TotalDays < 186));
        Assert.Equal(start, weeks[0].Start);
        Assert.Equal(start.AddDays(399), weeks[^1].End);
        for (int i = 1; i < weeks.Count; i++) Assert.Equal(weeks[i - 1].End.AddDays(1), weeks[i].Start);

        var months = ReportWindows.Split(start, start.AddDays(399), 186, Granularity.Month);
        Assert.All(months.Take(months.Count - 1), r => Assert.Equal(1, r.End.AddDays(1).Day));
        Assert.All(months, r => Assert.True((r.End - r.Start).TotalDays < 186));
        for (int i = 1; i < months.Count; i++) Assert.Equal(months[i - 1].End.AddDays(1), months[i].Start);
    }

    [Theory]
    [InlineData("SPEND_IN_DOLLAR", "Sum")]
    [InlineData("IMPRESSION_1", "Sum")]
    [InlineData("TOTAL_CONVERSIONS", "Sum")]
    [InlineData("CTR", "Ratio")]
    [InlineData("CPC_IN_MICRO_DOLLAR", "Ratio")]
    [InlineData("CAMPAIGN_NAME", "Attribute")]
    [InlineData("TOTAL_IMPRESSION_USER", "NotMergeable")]
    [InlineData("TOTAL_IMPRESSION_FREQUENCY", "NotMergeable")]
    [InlineData("PAGE_VISIT_ROAS", "NotMergeable")]
    [InlineData("ECPC_IN_DOLLAR", "NotMergeable")]
    [InlineData("TOTAL_VIDEO_AVG_WATCHTIME_IN_SECOND", "NotMergeable")]
    public void Merge_rules_sum_counts_recompute_known_ratios_and_refuse_the_rest(string column, string expected) =>
        Assert.Equal(expected, MetricAlgebra.RuleFor(column).ToString());

    [Fact]
    public void Ratio_ingredients_are_requested_hidden_only_when_not_asked_for()
    {
        Assert.Equal(new[] { "CLICKTHROUGH_1", "IMPRESSION_1" }, MetricAlgebra.HiddenIngredients(new[] { "CTR" }));
        Assert.Equal(new[] { "CLICKTHROUGH_1" }, MetricAlgebra.HiddenIngredients(new[] { "IMPRESSION_1", "CTR" }));
    }

    [Theory]
    [InlineData("TOTAL_CONVERSIONS", true)]
    [InlineData("TOTAL_CLICK_CHECKOUT", true)]
    [InlineData("LEADS", true)]
    [InlineData("IMPRESSION_1", false)]
    [InlineData("CAMPAIGN_CUSTOM_LABELS", false)]
    public void Conversion_columns_are_told_apart(string column, bool conversion) =>
        Assert.Equal(conversion, ConversionColumns.IsConversion(column));

    [Fact]
    public void Hour_reports_carry_start_hour_in_the_first_part_and_end_hour_in_the_last()
    {
        var plan = ReportRequestPlanner.Plan(new AsyncReportQuery
        {
            AdAccountId = "549755885175", Level = ReportLevel.Campaign, StartDate = Today.AddDays(-7), EndDate = Today.AddDays(-2),
            Granularity = Granularity.Hour, Columns = new[] { "IMPRESSION_1" }, StartHour = 5, EndHour = 20,
        });
        Assert.Equal(2, plan.Reports.Count);
        string first = System.Text.Encoding.UTF8.GetString(plan.Reports[0].Body), last = System.Text.Encoding.UTF8.GetString(plan.Reports[1].Body);
        Assert.Contains("\"start_hour\":5", first);
        Assert.DoesNotContain("end_hour", first);
        Assert.Contains("\"end_hour\":20", last);
        Assert.DoesNotContain("start_hour", last);
    }
}
