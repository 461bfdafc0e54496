using PinterestAds.Engine.Http;

namespace PinterestAds.Engine.Tests.Http;

public class ApiRequestTests
{
    private static readonly Uri Base = new("https://api.pinterest.com/v5");

    [Fact]
    public void Columns_are_comma_joined_and_ids_repeated_as_the_description_says()
    {
        var uri = new ApiRequest("campaigns/analytics")
            .Path("ad_account_id", "123")
            .QueryValue("start_date", new DateTime(2026, 1, 2))
            .QueryValue("end_date", new DateTime(2026, 1, 3))
            .QueryArray("campaign_ids", new[] { "1", "2" })
            .QueryArray("columns", new[] { "SPEND_IN_DOLLAR", "TOTAL_CLICKTHROUGH" })
            .QueryValue("granularity", Granularity.Day)
            .BuildUri(Base);

        Assert.Equal(
            "https://api.pinterest.com/v5/ad_accounts/123/campaigns/analytics?start_date=2026-01-02&end_date=2026-01-03&campaign_ids=1&campaign_ids=2&columns=SPEND_IN_DOLLAR,TOTAL_CLICKTHROUGH&granularity=DAY",
            uri.AbsoluteUri);
    }

    [Fact]
    public void Targeting_types_are_comma_joined()
    {
        var uri = new ApiRequest("ad_account_targeting_analytics/get")
            .Path("ad_account_id", "9")
            .QueryArray("targeting_types", new[] { "LOCATION", "GENDER" })
            .BuildUri(Base);
        Assert.Contains("targeting_types=LOCATION,GENDER", uri.Query);
    }

    [Fact]
    public void Enum_values_use_the_api_spelling()
    {
        var uri = new ApiRequest("campaigns/analytics").Path("ad_account_id", "1")
            .QueryValue("conversion_report_time", ConversionReportTime.TimeOfConversion)
            .QueryValue("reporting_timezone", ReportingTimeZone.AdAccountTimeZone)
            .BuildUri(Base);
        Assert.Contains("conversion_report_time=TIME_OF_CONVERSION", uri.Query);
        Assert.Contains("reporting_timezone=AD_ACCOUNT_TIME_ZONE", uri.Query);
    }

    [Fact]
    public void Dates_ignore_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            var uri = new ApiRequest("campaigns/analytics").Path("ad_account_id", "1").QueryValue("start_date", new DateTime(2026, 3, 4)).BuildUri(Base);
            Assert.Contains("start_date=2026-03-04", uri.Query);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Unknown_parameters_are_refused()
    {
        Assert.Throws<KeyNotFoundException>(() => new ApiRequest("campaigns/analytics").QueryValue("no_such_parameter", "x"));
        Assert.Throws<ArgumentException>(() => new ApiRequest("campaigns/analytics").QueryValue("ad_account_id", "x"));
    }

    [Fact]
    public void Path_values_are_escaped_and_required()
    {
        Assert.Throws<InvalidOperationException>(() => new ApiRequest("campaigns/list").BuildUri(Base));
        var uri = new ApiRequest("targeting_options/get").Path("targeting_type", "A/B").BuildUri(Base);
        Assert.EndsWith("/resources/targeting/A%2FB", uri.AbsoluteUri);
    }
}
