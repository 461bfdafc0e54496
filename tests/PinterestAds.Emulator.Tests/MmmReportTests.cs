using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>Marketing Mix Modeling reports: body rules from the description, the token life cycle, the beta limit, real rows.</summary>
public sealed class MmmReportTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public MmmReportTests(EmulatorFixture fixture) => _f = fixture;

    public static Dictionary<string, object> ValidBody() => new()
    {
        ["report_name"] = "mmm weekly",
        ["start_date"] = "2026-01-05",
        ["end_date"] = "2026-01-11",
        ["granularity"] = "DAY",
        ["level"] = "CAMPAIGN_TARGETING",
        ["targeting_types"] = new[] { "GENDER" },
        ["columns"] = new[] { "CAMPAIGN_ID", "SPEND_IN_DOLLAR", "TOTAL_IMPRESSION" },
    };

    public static async Task<string> CreateAsync(EmulatorFixture f, object body)
    {
        var (status, json) = await f.SendAsync(HttpMethod.Post, $"ad_accounts/{f.AccountId}/mmm_reports", body);
        Assert.True(status == 200, json?.ToJsonString());
        return (string)json!["data"]!["token"]!;
    }

    private async Task<JsonNode> FinishedAsync(string token)
    {
        for (var i = 0; i < 300; i++)
        {
            var state = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/mmm_reports?token={token}");
            if ((string)state["data"]!["report_status"]! == "FINISHED") return state["data"]!;
            await Task.Delay(10);
        }
        throw new TimeoutException();
    }

    [Fact]
    public async Task FinishedReportRowsEqualTheGroundTruthOfTheSameTargetingQuery()
    {
        var token = await CreateAsync(_f, ValidBody());
        var data = await FinishedAsync(token);
        var csv = await _f.Anonymous.GetStringAsync((string)data["url"]!);
        Assert.Equal((double)data["size"]!, System.Text.Encoding.UTF8.GetByteCount(csv));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var spendAt = Array.IndexOf(header, "SPEND_IN_DOLLAR");
        Assert.True(spendAt >= 0, lines[0]);
        var spend = lines.Skip(1).Sum(l => double.Parse(l.Split(',')[spendAt].Trim('"'), CultureInfo.InvariantCulture));

        var expected = await _f.ExpectedRowsAsync(new
        {
            ad_account_id = _f.AccountId, level = "CAMPAIGN_TARGETING", targeting_types = new[] { "GENDER" },
            columns = new[] { "CAMPAIGN_ID", "SPEND_IN_DOLLAR", "TOTAL_IMPRESSION" }, granularity = "DAY",
            start_date = "2026-01-05", end_date = "2026-01-11",
        });
        Assert.Equal(expected.Count, lines.Length - 1);
        Assert.True(expected.Count > 0);
        var expectedSpend = expected.Sum(r => (double?)r!["SPEND_IN_DOLLAR"] ?? 0);
        Assert.Equal(expectedSpend, spend, 6);
    }

    [Fact]
    public async Task GetReportDoesNotKnowMmmTokensAndGetMmmReportDoesNotKnowCustomReportTokens()
    {
        var token = await CreateAsync(_f, ValidBody());
        var viaReports = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
        Assert.Equal("DOES_NOT_EXIST", (string)viaReports["report_status"]!);
        var unknown = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/mmm_reports?token=rpt_unknown");
        Assert.Equal("DOES_NOT_EXIST", (string)unknown["data"]!["report_status"]!);
        Assert.Null(unknown["data"]!["url"]);
    }

    [Theory]
    [InlineData("level", "CAMPAIGN")]              // only CAMPAIGN_TARGETING and AD_GROUP_TARGETING
    [InlineData("granularity", "MONTH")]           // only DAY and WEEK
    [InlineData("columns", "TOTAL_CONVERSIONS")]   // not an MMMReportingColumn
    [InlineData("targeting_types", "KEYWORD")]     // not an MMMReportingTargetingType
    [InlineData("countries", "ZZ")]                // not a TargetingAdvertiserCountry
    [InlineData("report_name", null)]              // required
    public async Task BodiesOutsideTheDescriptionAre400(string field, string? value)
    {
        var body = ValidBody();
        if (value is null) body.Remove(field);
        else body[field] = field is "columns" or "targeting_types" or "countries" ? new[] { value } : value;
        var (status, json) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/mmm_reports", body);
        Assert.True(status == 400, $"{field}={value}: {status} {json?.ToJsonString()}");
    }

    [Fact]
    public async Task MoreThanFiveTargetingTypesAre400()
    {
        var body = ValidBody();
        body["targeting_types"] = new[] { "APPTYPE", "COUNTRY", "CREATIVE_TYPE", "GENDER", "LOCATION", "GENDER" };
        var (status, _) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/mmm_reports", body);
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task CountriesKeepOnlyAdGroupsTargetingThem()
    {
        var all = ValidBody();
        var filtered = ValidBody();
        filtered["countries"] = new[] { "JP" };
        var everyRow = await CsvLinesAsync(await CreateAsync(_f, all));
        var someRows = await CsvLinesAsync(await CreateAsync(_f, filtered));
        Assert.True(someRows < everyRow, $"{someRows} rows with countries=JP, {everyRow} without");
    }

    private async Task<int> CsvLinesAsync(string token)
    {
        var data = await FinishedAsync(token);
        var csv = await _f.Anonymous.GetStringAsync((string)data["url"]!);
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }
}

/// <summary>The beta limit of 5 creations per minute per advertiser, on an emulator of its own.</summary>
public sealed class MmmReportLimitTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public MmmReportLimitTests(EmulatorFixture fixture) => _f = fixture;

    [Fact]
    public async Task TheSixthCreationInAMinuteIs429WithARetryDelay()
    {
        for (var i = 0; i < 5; i++) await MmmReportTests.CreateAsync(_f, MmmReportTests.ValidBody());
        var (status, json) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/mmm_reports", MmmReportTests.ValidBody());
        Assert.Equal(429, status);
        Assert.Contains("Retry after", (string)json!["message"]!);
    }
}
