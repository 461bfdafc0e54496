using System.Text;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

public class AnalyticsResponseReaderTests
{
    private static AnalyticsPlan Plan(bool targeting, Granularity granularity, bool zeroFill, params string[] columns)
    {
        var query = new AnalyticsQuery
        {
            AdAccountId = "549755885175",
            Level = AnalyticsLevel.AdGroup,
            Targeting = targeting,
            Ids = new[] { "2680067996745" },
            StartDate = ApiDates.Today(TimeProvider.System).AddDays(-3),
            EndDate = ApiDates.Today(TimeProvider.System),
            Granularity = granularity,
            ZeroFill = zeroFill,
            TargetingTypes = targeting ? new[] { AnalyticsTargetingType.Location } : Array.Empty<AnalyticsTargetingType>(),
        };
        return AnalyticsPlan.Create(query, columns, new RecordingLog());
    }

    private static object? Value(object row, string name) => row.GetType().GetProperty(name)!.GetValue(row);

    private static string[] Names(object row) => row.GetType().GetProperties().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Sparse_rows_all_get_the_same_properties_with_typed_values_and_nulls()
    {
        var reader = new AnalyticsResponseReader(Plan(false, Granularity.Day, false, "SPEND_IN_DOLLAR", "IMPRESSION_1", "CTR"), "EUR");
        var body = Encoding.UTF8.GetBytes("""
            [{"AD_GROUP_ID":"11","DATE":"2026-01-02","IMPRESSION_1":120,"EXTRA":"ignored"},
             {"AD_GROUP_ID":22,"DATE":"2026-01-03","SPEND_IN_DOLLAR":1.5,"IMPRESSION_1":7,"CTR":0.0125}]
            """);
        var rows = await reader.ReadAsync(body, null, CancellationToken.None);

        Assert.Equal(2, rows.Count);
        var expected = new[] { "AdAccountId", "Currency", "Level", "AD_GROUP_ID", "DATE", "SPEND_IN_DOLLAR", "IMPRESSION_1", "CTR" };
        Assert.All(rows, r => Assert.Equal(expected, Names(r)));
        Assert.Same(rows[0].GetType(), rows[1].GetType());
        Assert.Equal("549755885175", Value(rows[0], "AdAccountId"));
        Assert.Equal("EUR", Value(rows[0], "Currency"));
        Assert.Equal("AD_GROUP", Value(rows[0], "Level"));
        Assert.Null(Value(rows[0], "SPEND_IN_DOLLAR"));
        Assert.Equal(120L, Value(rows[0], "IMPRESSION_1"));
        Assert.Equal(new DateTime(2026, 1, 2), Value(rows[0], "DATE"));
        Assert.Equal("22", Value(rows[1], "AD_GROUP_ID"));
        Assert.Equal(1.5m, Value(rows[1], "SPEND_IN_DOLLAR"));
        Assert.Equal(0.0125m, Value(rows[1], "CTR"));
        Assert.IsAssignableFrom<AnalyticsRow>(rows[0]);
    }

    [Fact]
    public async Task Zero_fill_turns_missing_metrics_into_typed_zeros()
    {
        var reader = new AnalyticsResponseReader(Plan(false, Granularity.Total, true, "SPEND_IN_DOLLAR", "IMPRESSION_1", "AD_GROUP_NAME"), "EUR");
        var rows = await reader.ReadAsync(Encoding.UTF8.GetBytes("""[{"AD_GROUP_ID":"11"}]"""), null, CancellationToken.None);
        Assert.DoesNotContain("DATE", Names(rows[0]));
        Assert.Equal(0m, Value(rows[0], "SPEND_IN_DOLLAR"));
        Assert.Equal(0L, Value(rows[0], "IMPRESSION_1"));
        Assert.Null(Value(rows[0], "AD_GROUP_NAME"));
    }

    [Fact]
    public async Task Targeting_rows_carry_type_value_and_resolved_name()
    {
        var reader = new AnalyticsResponseReader(Plan(true, Granularity.Day, false, "SPEND_IN_DOLLAR"), "EUR");
        var body = Encoding.UTF8.GetBytes("""
            {"data":[{"targeting_type":"LOCATION","targeting_value":500,"metrics":{"AD_GROUP_ID":2680067996745,"DATE":"2022-04-26","SPEND_IN_DOLLAR":240}},
                     {"targeting_type":"LOCATION","targeting_value":"999","metrics":{"AD_GROUP_ID":"2680067996745","DATE":"2022-04-26"}},
                     {"targeting_type":"LOCATION","targeting_value":"500","metrics":{"AD_GROUP_ID":"2680067996745","DATE":"2022-04-27","SPEND_IN_DOLLAR":3}}]}
            """);
        int lookups = 0;
        var rows = await reader.ReadAsync(body, (type, value, ct) =>
        {
            lookups++;
            return Task.FromResult(type == "LOCATION" && value == "500" ? "U.S.: Portland-Auburn" : null);
        }, CancellationToken.None);

        Assert.Equal(new[] { "AdAccountId", "Currency", "Level", "AD_GROUP_ID", "DATE", "TargetingType", "TargetingValue", "TargetingName", "SPEND_IN_DOLLAR" }, Names(rows[0]));
        Assert.Equal("500", Value(rows[0], "TargetingValue"));
        Assert.Equal("U.S.: Portland-Auburn", Value(rows[0], "TargetingName"));
        Assert.Equal("2680067996745", Value(rows[0], "AD_GROUP_ID"));
        Assert.Equal(240L, Convert.ToInt64(Value(rows[0], "SPEND_IN_DOLLAR")));
        Assert.Null(Value(rows[1], "TargetingName"));
        Assert.Equal(2, lookups); // one per distinct value
    }

    [Fact]
    public async Task A_body_that_is_not_rows_is_a_clear_error()
    {
        var reader = new AnalyticsResponseReader(Plan(false, Granularity.Day, false, "SPEND_IN_DOLLAR"), "EUR");
        var error = await Assert.ThrowsAsync<PinterestException>(() => reader.ReadAsync(Encoding.UTF8.GetBytes("""{"x":1}"""), null, CancellationToken.None));
        Assert.Equal("ApiResponseInvalid", error.ErrorId);
    }
}
