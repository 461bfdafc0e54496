using System.Text;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Analytics;
using PinterestAds.Engine.Tests.Reports;
using PinterestAds.Engine.Validation;
using Xunit;

namespace PinterestAds.Engine.Tests.Validation;

/// <summary>
/// The module's checks say what the OpenAPI description says, no more and no less: nested required
/// fields, the sync span rule, the ad account's HOUR window, the template report window, the targeting
/// types allowed per level, and id patterns and lengths per parameter.
/// </summary>
public class DescriptionFidelityTests
{
    private static DateTime Today => ApiDates.Today(TimeProvider.System);

    private static AsyncReportQuery Spec(Action<AsyncReportQuery>? change = null) => ReportRequestPlannerTests.Spec(change);

    // ---- nested required lists ------------------------------------------------------------------

    [Fact]
    public void The_catalogue_keeps_the_required_fields_of_nested_items()
    {
        var body = ApiCatalog.Current.Body("AdsAnalyticsCreateAsyncRequest");
        Assert.Equal(new[] { "custom_event_metrics_type", "custom_event_name" }, body.Properties["custom_conversion_event_metrics"].Items!.RequiredFields);
        Assert.Equal(new[] { "field", "operator", "values" }, body.Properties["metrics_filters"].Items!.RequiredFields);
    }

    [Fact]
    public void A_custom_conversion_metric_without_an_event_name_is_refused_before_any_request()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ReportRequestPlanner.Plan(Spec(s =>
            s.CustomConversionEventMetrics = new[] { new CustomConversionEventMetric("ADE_ROAS", null) })));
        Assert.Equal("RequiredFieldMissing", error.ErrorId);
        Assert.Equal("CustomConversionEventMetric", error.ParameterName);
        Assert.Contains("custom_event_name", error.Message);
        Assert.Contains("'ADE_ROAS:event name'", error.Message);

        var plan = ReportRequestPlanner.Plan(Spec(s => s.CustomConversionEventMetrics = new[] { new CustomConversionEventMetric("ADE_ROAS", "lead") }));
        Assert.Single(plan.Reports);
    }

    [Fact]
    public void A_metrics_filter_item_missing_a_required_field_is_refused_naming_the_parameter()
    {
        var body = ApiCatalog.Current.Body("AdsAnalyticsCreateAsyncRequest");
        var sources = new Dictionary<string, (string Parameter, string Fix)> { ["metrics_filters"] = ("MetricsFilter", "Give all three.") };
        byte[] json = Encoding.UTF8.GetBytes("""{"start_date":"2026-01-01","end_date":"2026-01-02","granularity":"DAY","level":"CAMPAIGN","columns":["SPEND_IN_DOLLAR"],"metrics_filters":[{"field":"SPEND_IN_DOLLAR","operator":"GREATER_THAN"}]}""");
        var error = Assert.Throws<PinterestValidationException>(() => RequiredFields.Check(body, json, sources));
        Assert.Equal(("RequiredFieldMissing", "MetricsFilter"), (error.ErrorId, error.ParameterName));
        Assert.Contains("metrics_filters[0] lacks values", error.Message);

        byte[] complete = Encoding.UTF8.GetBytes("""{"start_date":"2026-01-01","end_date":"2026-01-02","granularity":"DAY","level":"CAMPAIGN","columns":["SPEND_IN_DOLLAR"],"metrics_filters":[{"field":"SPEND_IN_DOLLAR","operator":"GREATER_THAN","values":[1]}]}""");
        RequiredFields.Check(body, complete, sources);

        byte[] noLevel = Encoding.UTF8.GetBytes("""{"start_date":"2026-01-01","end_date":"2026-01-02","granularity":"DAY","columns":["SPEND_IN_DOLLAR"]}""");
        Assert.Contains("lacks level", Assert.Throws<PinterestValidationException>(() => RequiredFields.Check(body, noLevel, sources)).Message);
    }

    // ---- sync spans: end_date <= start_date + 90 days ----------------------------------------------

    [Fact]
    public void A_sync_call_covers_an_end_date_ninety_days_after_its_start()
    {
        var spans = DateWindows.Plan(Today.AddDays(-90), Today, Today, Granularity.Day, false, new RecordingLog());
        Assert.Single(spans);
        Assert.Equal(91, spans[0].Days);
        // TOTAL must fit one call: 91 days do, 92 cannot happen inside the 90-day lookback, so check the limit itself.
        Assert.Single(DateWindows.Plan(Today.AddDays(-90), Today, Today, Granularity.Total, false, new RecordingLog()));
        Assert.Equal(91, ApiLimits.SyncAnalytics.MaxSpanDays);
        Assert.Equal(90, ApiLimits.SyncAnalytics.LookbackDays);
    }

    [Fact]
    public void Hour_on_the_ad_account_has_the_eight_day_lookback_but_no_three_day_range()
    {
        var account = DateWindows.Plan(Today.AddDays(-8), Today, Today, Granularity.Hour, false, new RecordingLog(), "ad_account/analytics");
        Assert.Single(account);
        Assert.Equal(9, account[0].Days);
        Assert.Equal("StartDateBeyondLookback", Assert.Throws<PinterestValidationException>(() =>
            DateWindows.Plan(Today.AddDays(-9), Today, Today, Granularity.Hour, false, new RecordingLog(), "ad_account/analytics")).ErrorId);

        var campaigns = DateWindows.Plan(Today.AddDays(-8), Today, Today, Granularity.Hour, false, new RecordingLog(), "campaigns/analytics");
        Assert.Equal(new[] { 3, 3, 3 }, campaigns.Select(s => s.Days));
    }

    // ---- template reports: 2.5 years back, 2.5 years long ------------------------------------------

    [Fact]
    public void Template_reports_reach_two_and_a_half_years_back_in_one_report()
    {
        var today = new DateTime(2026, 12, 1);
        var earliest = new DateTime(2024, 6, 1);
        Assert.Equal(earliest, TemplateReportWindow.Earliest(today));
        TemplateReportWindow.Check(earliest, today, today); // 914 days and longer than 186: one template report
        var tooOld = Assert.Throws<PinterestValidationException>(() => TemplateReportWindow.Check(earliest.AddDays(-1), today, today));
        Assert.Equal(("StartDateBeyondLookback", "StartDate"), (tooOld.ErrorId, tooOld.ParameterName));
        Assert.Contains("2.5 years", tooOld.Message);
        Assert.Contains("2024-06-01", tooOld.Message);
        var tooLong = Assert.Throws<PinterestValidationException>(() => TemplateReportWindow.Check(earliest, earliest.AddMonths(30).AddDays(1), today));
        Assert.Equal(("SpanTooLong", "EndDate"), (tooLong.ErrorId, tooLong.ParameterName));
        Assert.Equal("EndDateBeforeStartDate", Assert.Throws<PinterestValidationException>(() => TemplateReportWindow.Check(today, earliest, today)).ErrorId);
    }

    // ---- targeting types per level -----------------------------------------------------------------

    [Theory]
    [InlineData(ReportLevel.CampaignTargeting, "AUDIENCE_MULTIPLIER", true)]
    [InlineData(ReportLevel.AdGroupTargeting, "AUDIENCE_MULTIPLIER", false)]
    [InlineData(ReportLevel.AdvertiserTargeting, "AUDIENCE_MULTIPLIER", false)]
    [InlineData(ReportLevel.CampaignTargeting, "MEDIA_TYPE", false)]
    [InlineData(ReportLevel.PinPromotionTargeting, "MEDIA_TYPE", false)]
    [InlineData(ReportLevel.ProductItemTargeting, "MEDIA_TYPE", true)]
    [InlineData(ReportLevel.AdGroupTargeting, "GENDER", true)]
    public void Audience_multiplier_and_media_type_are_only_available_at_their_level(ReportLevel level, string type, bool allowed)
    {
        var spec = Spec(s => { s.Level = level; s.TargetingTypes = new[] { type }; });
        if (allowed)
        {
            Assert.NotEmpty(ReportRequestPlanner.Plan(spec).Reports);
            return;
        }
        var error = Assert.Throws<PinterestValidationException>(() => ReportRequestPlanner.Plan(spec));
        Assert.Equal(("TargetingTypeNotAtLevel", "TargetingType"), (error.ErrorId, error.ParameterName));
        Assert.Contains(ApiLimits.AsyncTargetingTypeOnlyAtLevel[type], error.Message);
    }

    // ---- ids: the pattern and the maxLength of the parameter they go to ---------------------------

    [Fact]
    public void Ids_without_a_max_length_in_the_description_have_no_eighteen_digit_cap()
    {
        string nineteen = new string('7', 19);
        Assert.Equal(nineteen, Ids.Require("AdId", nineteen));
        Assert.Equal(nineteen, Ids.Require("AdId", nineteen, Ids.Facts("ads/list", "ad_ids")));
        Assert.Equal(nineteen, Ids.Require("PinId", nineteen, Ids.Facts("ads/analytics", "pin_ids")));
        // The async report body's id lists give only ^\d+$.
        var plan = ReportRequestPlanner.Plan(Spec(s => s.AdIds = new[] { nineteen }));
        Assert.Contains(nineteen, Encoding.UTF8.GetString(plan.Reports[0].Body));
    }

    [Fact]
    public void Ids_the_description_caps_at_eighteen_characters_are_refused_beyond()
    {
        string nineteen = new string('7', 19);
        var account = Assert.Throws<PinterestValidationException>(() => Ids.RequireAdAccount("AdAccountId", nineteen));
        Assert.Equal(("IdTooLong", "AdAccountId"), (account.ErrorId, account.ParameterName));
        Assert.Contains("18", account.Message);
        Assert.Equal("IdTooLong", Assert.Throws<PinterestValidationException>(() => Ids.Require("Id", nineteen, Ids.Facts("campaigns/list", "campaign_ids"))).ErrorId);
        Assert.Equal(new string('7', 18), Ids.RequireAdAccount("AdAccountId", new string('7', 18)));
    }

    [Fact]
    public void Ids_are_digits_whatever_the_parameter()
    {
        Assert.Equal("IdNotNumeric", Assert.Throws<PinterestValidationException>(() => Ids.Require("AdId", "12a")).ErrorId);
        Assert.Equal("IdNotNumeric", Assert.Throws<PinterestValidationException>(() => Ids.Require("AdId", "١٢٣")).ErrorId);
        // template_id has a maxLength and no pattern in the description: still digits (a path segment).
        Assert.Equal("IdNotNumeric", Assert.Throws<PinterestValidationException>(() =>
            Ids.Require("TemplateId", "..", Ids.Facts("analytics/create_template_report", "template_id"))).ErrorId);
        Assert.Equal("IdTooLong", Assert.Throws<PinterestValidationException>(() =>
            Ids.Require("TemplateId", new string('1', 19), Ids.Facts("analytics/create_template_report", "template_id"))).ErrorId);
    }
}
