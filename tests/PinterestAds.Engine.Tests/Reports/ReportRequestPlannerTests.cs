using System.Text.Json;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;

namespace PinterestAds.Engine.Tests.Reports;

public class ReportRequestPlannerTests
{
    private static readonly DateTime Today = ApiDates.Today(TimeProvider.System);

    /// <summary>A valid CAMPAIGN DAY request of the last days, changed by <paramref name="change"/> (also used by DescriptionFidelityTests).</summary>
    internal static AsyncReportQuery Spec(Action<AsyncReportQuery>? change = null)
    {
        var spec = new AsyncReportQuery
        {
            AdAccountId = "1",
            Level = ReportLevel.Campaign,
            StartDate = Today.AddDays(-10),
            EndDate = Today.AddDays(-5),
            Granularity = Granularity.Day,
            Columns = new[] { "SPEND_IN_DOLLAR" },
        };
        change?.Invoke(spec);
        return spec;
    }

    private static JsonElement Body(ReportCall report) => JsonDocument.Parse(report.Body).RootElement;

    [Fact]
    public void The_report_levels_are_exactly_the_thirteen_of_the_catalogue()
    {
        var catalogue = ReportRequestPlanner.AllowedValues("level");
        var ours = Enum.GetValues<ReportLevel>().Select(l => ApiNames.ToApi(l)).ToArray();
        Assert.Equal(13, catalogue.Count);
        Assert.Equal(catalogue.OrderBy(x => x), ours.OrderBy(x => x));
    }

    [Fact]
    public void Every_field_written_is_a_property_of_the_request_body_and_every_property_can_be_written()
    {
        var spec = Spec(s =>
        {
            s.Level = ReportLevel.CampaignTargeting;
            s.Granularity = Granularity.Hour;
            s.StartDate = Today.AddDays(-2);
            s.EndDate = Today.AddDays(-2);
            s.Format = ReportFormat.Csv;
            s.CampaignIds = new[] { "11" }; s.AdGroupIds = new[] { "12" }; s.AdIds = new[] { "13" };
            s.ProductGroupIds = new[] { "14" }; s.ProductItemIds = new[] { "15" };
            s.CampaignStatuses = new[] { "Running" }; s.AdGroupStatuses = new[] { "PAUSED" }; s.AdStatuses = new[] { "approved" };
            s.ProductGroupStatuses = new[] { "RUNNING" }; s.CampaignObjectiveTypes = new[] { "WebConversion" };
            s.TargetingTypes = new[] { "AgeBucket", "GENDER" }; s.CombineTargetingTypes = true; s.CampaignBrandLabel = "b";
            s.MetricsFilters = new[] { new ReportMetricsFilter("spend_in_dollar", "GreaterThan", new[] { 1.5 }) };
            s.CustomConversionEventMetrics = new[] { new CustomConversionEventMetric("AdeRoas", "lead") };
            s.ClickWindowDays = 7; s.EngagementWindowDays = 14; s.ViewWindowDays = 1;
            s.AttributionTypes = new[] { AttributionType.Individual, AttributionType.Household };
            s.ConversionReportTime = ConversionReportTime.TimeOfConversion;
            s.StartHour = 0; s.EndHour = 23; s.PrimarySort = ReportSort.ByDate; s.ReportingTimeZone = ReportingTimeZone.AdAccountTimeZone;
        });
        var body = Body(ReportRequestPlanner.Plan(spec).Reports.Single());
        var written = body.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();
        var catalogue = ApiCatalog.Current.Body("AdsAnalyticsCreateAsyncRequest").Properties.Keys.OrderBy(n => n).ToArray();
        Assert.Equal(catalogue, written);

        Assert.Equal("CAMPAIGN_TARGETING", body.GetProperty("level").GetString());
        Assert.Equal("HOUR", body.GetProperty("granularity").GetString());
        Assert.Equal("CSV", body.GetProperty("report_format").GetString());
        Assert.Equal(new[] { "AGE_BUCKET", "GENDER" }, body.GetProperty("targeting_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("RUNNING", body.GetProperty("campaign_statuses")[0].GetString());
        Assert.Equal("WEB_CONVERSION", body.GetProperty("campaign_objective_types")[0].GetString());
        Assert.Equal("SPEND_IN_DOLLAR", body.GetProperty("metrics_filters")[0].GetProperty("field").GetString());
        Assert.Equal("GREATER_THAN", body.GetProperty("metrics_filters")[0].GetProperty("operator").GetString());
        Assert.Equal("ADE_ROAS", body.GetProperty("custom_conversion_event_metrics")[0].GetProperty("custom_event_metrics_type").GetString());
        Assert.Equal("TIME_OF_CONVERSION", body.GetProperty("conversion_report_time").GetString());
        Assert.Equal("BY_DATE", body.GetProperty("primary_sort").GetString());
        Assert.Equal("AD_ACCOUNT_TIME_ZONE", body.GetProperty("reporting_timezone").GetString());
        Assert.Equal(23, body.GetProperty("end_hour").GetInt32());
        Assert.Equal(new[] { "INDIVIDUAL", "HOUSEHOLD" }, body.GetProperty("attribution_types").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_minimal_request_carries_the_required_fields_only_plus_the_format()
    {
        var body = Body(ReportRequestPlanner.Plan(Spec()).Reports.Single());
        var required = ApiCatalog.Current.Body("AdsAnalyticsCreateAsyncRequest").Required;
        Assert.Equal(required.Append("report_format").OrderBy(n => n), body.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
        Assert.Equal(ApiDates.Format(Today.AddDays(-10)), body.GetProperty("start_date").GetString());
    }

    [Theory]
    [InlineData(ReportLevel.Campaign, Granularity.Day, 200, 186, 2)]
    [InlineData(ReportLevel.Campaign, Granularity.Day, 186, 186, 1)]
    [InlineData(ReportLevel.Campaign, Granularity.Day, 373, 186, 3)]
    [InlineData(ReportLevel.Campaign, Granularity.Hour, 5, 3, 2)]
    [InlineData(ReportLevel.ProductItem, Granularity.Day, 40, 31, 2)]
    public void A_range_beyond_one_report_becomes_consecutive_reports(ReportLevel level, Granularity granularity, int days, int maxSpan, int parts)
    {
        var start = Today.AddDays(-days);
        var plan = ReportRequestPlanner.Plan(Spec(s => { s.Level = level; s.Granularity = granularity; s.StartDate = start; s.EndDate = start.AddDays(days - 1); }));
        Assert.Equal(parts, plan.Reports.Count);
        var expectedStart = start;
        foreach (var report in plan.Reports)
        {
            Assert.Equal(expectedStart, report.StartDate);
            Assert.True((report.EndDate - report.StartDate).TotalDays + 1 <= maxSpan);
            Assert.Equal(parts, report.PartCount);
            expectedStart = report.EndDate.AddDays(1);
        }
        Assert.Equal(start.AddDays(days - 1), plan.Reports[^1].EndDate);
    }

    [Fact]
    public void Id_lists_beyond_500_are_chunked_and_combined_with_date_ranges()
    {
        var ids = Enumerable.Range(1, 1200).Select(i => (100000 + i).ToString()).ToArray();
        var start = Today.AddDays(-200);
        var plan = ReportRequestPlanner.Plan(Spec(s => { s.CampaignIds = ids; s.StartDate = start; s.EndDate = start.AddDays(199); }));
        Assert.Equal(6, plan.Reports.Count); // 2 ranges x 3 chunks
        var sent = plan.Reports.Take(3).SelectMany(r => Body(r).GetProperty("campaign_ids").EnumerateArray().Select(e => e.GetString())).ToArray();
        Assert.Equal(ids, sent);
        Assert.All(plan.Reports, r => Assert.True(Body(r).GetProperty("campaign_ids").GetArrayLength() <= ApiLimits.AsyncIdsPerReport));
    }

    [Fact]
    public void Product_item_reports_accept_the_account_and_ad_group_columns()
    {
        // The description refuses "pin promotion and ad related columns" there; AD_ACCOUNT_ID and AD_GROUP_* are neither.
        var spec = Spec(s =>
        {
            s.Level = ReportLevel.ProductItem;
            s.StartDate = Today.AddDays(-20);
            s.EndDate = Today.AddDays(-1);
            s.Columns = new[] { "AD_ACCOUNT_ID", "AD_GROUP_ID", "AD_GROUP_NAME", "AD_GROUP_STATUS", "PRODUCT_ITEM_NAME", "SPEND_IN_DOLLAR" };
        });
        var plan = ReportRequestPlanner.Plan(spec);
        Assert.Equal(spec.Columns, plan.Columns);
    }

    [Theory]
    [InlineData("column", "UnknownColumn", "Column")]
    [InlineData("statuses", "TooManyValues", "CampaignStatus")]
    [InlineData("targeting-missing", "TargetingTypeRequired", "TargetingType")]
    [InlineData("targeting-extra", "ParameterNotApplicable", "TargetingType")]
    [InlineData("lookback", "StartDateBeyondLookback", "StartDate")]
    [InlineData("order", "EndDateBeforeStartDate", "EndDate")]
    [InlineData("hour-range", "ValueOutOfRange", "EndHour")]
    [InlineData("hour-granularity", "HourNeedsHourGranularity", "StartHour")]
    [InlineData("window", "AttributionWindowInvalid", "ViewWindowDays")]
    [InlineData("product-item-ads", "AdFilterNotAllowed", "AdId")]
    [InlineData("product-item-column", "AdColumnNotAllowed", "Column")]
    [InlineData("product-item-pin-promotion-column", "AdColumnNotAllowed", "Column")]
    [InlineData("filter", "ValueNotAllowed", "MetricsFilter")]
    [InlineData("hourly-lookback", "StartDateBeyondLookback", "StartDate")]
    public void Invalid_requests_fail_before_any_request_naming_the_parameter(string case_, string errorId, string parameter)
    {
        var spec = Spec(s =>
        {
            switch (case_)
            {
                case "column": s.Columns = new[] { "SPEND_IN_DOLARS" }; break;
                case "statuses": s.CampaignStatuses = new[] { "RUNNING", "PAUSED", "NOT_STARTED", "COMPLETED", "ADVERTISER_DISABLED", "ARCHIVED", "DRAFT" }; break;
                case "targeting-missing": s.Level = ReportLevel.AdGroupTargeting; break;
                case "targeting-extra": s.TargetingTypes = new[] { "GENDER" }; break;
                case "lookback": s.StartDate = Today.AddDays(-915); break;
                case "order": s.EndDate = s.StartDate.AddDays(-1); break;
                case "hour-range": s.Granularity = Granularity.Hour; s.StartDate = Today.AddDays(-2); s.EndDate = Today.AddDays(-2); s.EndHour = 24; break;
                case "hour-granularity": s.StartHour = 1; break;
                case "window": s.ViewWindowDays = 3; break;
                case "product-item-ads": s.Level = ReportLevel.ProductItem; s.AdIds = new[] { "1" }; break;
                case "product-item-column": s.Level = ReportLevel.ProductItem; s.Columns = new[] { "AD_GROUP_ID", "AD_ID" }; break;
                case "product-item-pin-promotion-column": s.Level = ReportLevel.ProductItem; s.Columns = new[] { "PIN_PROMOTION_STATUS" }; break;
                case "filter": s.MetricsFilters = new[] { new ReportMetricsFilter("CTR", "GREATER_THAN", new[] { 1.0 }) }; break;
                case "hourly-lookback": s.Granularity = Granularity.Hour; s.StartDate = Today.AddDays(-9); s.EndDate = Today.AddDays(-8); break;
            }
        });
        var error = Assert.Throws<PinterestValidationException>(() => ReportRequestPlanner.Plan(spec));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains("-" + parameter, error.Message);
    }

    [Fact]
    public void An_unknown_column_names_the_closest_ones()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ReportRequestPlanner.Plan(Spec(s => s.Columns = new[] { "SPEND_IN_DOLARS" })));
        Assert.Contains("SPEND_IN_DOLLAR", error.Message);
    }

    [Fact]
    public void Columns_accept_either_spelling_and_keep_the_requested_order()
    {
        var plan = ReportRequestPlanner.Plan(Spec(s => s.Columns = new[] { "impression_1", "SpendInDollar", "IMPRESSION_1" }));
        Assert.Equal(new[] { "IMPRESSION_1", "SPEND_IN_DOLLAR" }, plan.Columns);
    }

    [Fact]
    public void Metrics_filters_parse_from_text()
    {
        var filter = ReportMetricsFilter.TryParse("SPEND_IN_DOLLAR > 10,20.5")!;
        Assert.Equal("GREATER_THAN", filter.Operator);
        Assert.Equal(new[] { 10, 20.5 }, filter.Values);
        Assert.Null(ReportMetricsFilter.TryParse("SPEND_IN_DOLLAR = 10"));
    }
}
