namespace PinterestAds.Emulator.Tests;

/// <summary>Requests the real API refuses get 400 with a message naming the parameter (and 401/403/404 where due).</summary>
public sealed class ValidationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ValidationTests(EmulatorFixture fixture) => _f = fixture;

    private string Campaign => (string)_f.Campaigns().First()["id"]!;

    private string CampaignAnalytics(string query) => $"ad_accounts/{_f.AccountId}/campaigns/analytics?{query}";

    public static IEnumerable<object[]> BadSyncRequests()
    {
        const string ok = "start_date=2026-01-05&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR";
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-05&end_date=2026-01-12&granularity=DAY", "columns" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-05&end_date=2026-01-12&columns=SPEND_IN_DOLLAR", "granularity" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-05&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR,NOT_A_COLUMN", "columns" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-05&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR&columns=CTR", "columns" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-05&end_date=2026-01-12&granularity=YEAR&columns=SPEND_IN_DOLLAR", "granularity" };
        yield return new object[] { "campaign_ids={c},{c}&" + ok, "campaign_ids" };
        yield return new object[] { "campaign_ids=abc&" + ok, "campaign_ids" };
        yield return new object[] { "campaign_ids=1234567890123456789&" + ok, "campaign_ids" };
        yield return new object[] { string.Concat(Enumerable.Range(1, 251).Select(i => $"campaign_ids={i}&")) + ok, "campaign_ids" };
        yield return new object[] { ok, "campaign_ids" };
        yield return new object[] { "campaign_ids={c}&start_date=01/05/2026&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR", "start_date" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-12&end_date=2026-01-05&granularity=DAY&columns=SPEND_IN_DOLLAR", "end_date" };
        yield return new object[] { "campaign_ids={c}&start_date=2025-10-01&end_date=2025-10-05&granularity=DAY&columns=SPEND_IN_DOLLAR", "90 days" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-01&end_date=2026-01-05&granularity=HOUR&columns=SPEND_IN_DOLLAR", "8 days" };
        yield return new object[] { "campaign_ids={c}&start_date=2026-01-10&end_date=2026-01-14&granularity=HOUR&columns=SPEND_IN_DOLLAR", "3 days" };
        yield return new object[] { "campaign_ids={c}&" + ok + "&click_window_days=3", "click_window_days" };
        yield return new object[] { "campaign_ids={c}&" + ok + "&conversion_report_time=WHENEVER", "conversion_report_time" };
    }

    [Theory]
    [MemberData(nameof(BadSyncRequests))]
    public async Task BadSyncRequestIsRefusedNamingTheProblem(string query, string mentioned)
    {
        var (status, body) = await _f.SendAsync(HttpMethod.Get, CampaignAnalytics(query.Replace("{c}", Campaign)));
        Assert.Equal(400, status);
        Assert.Equal(1, (int)body!["code"]!);
        Assert.Contains(mentioned, (string)body["message"]!);
    }

    [Fact]
    public async Task EndMoreThanNinetyDaysPastStartIsRefused()
    {
        // end_date <= start_date + 90 (91 calendar days); within the lookback, 92 days need an end in the future.
        var (status, body) = await _f.SendAsync(HttpMethod.Get, CampaignAnalytics($"campaign_ids={Campaign}&start_date=2025-10-17&end_date=2026-01-16&granularity=DAY&columns=SPEND_IN_DOLLAR"));
        Assert.Equal(400, status);
        Assert.Contains("at most 91 days", (string)body!["message"]!);
    }

    [Fact]
    public async Task TooManyTargetingTypesAreRefused()
    {
        var types = "KEYWORD,APPTYPE,GENDER,LOCATION,PLACEMENT,COUNTRY,TARGETED_INTEREST,PINNER_INTEREST,AUDIENCE_INCLUDE,GEO,AGE_BUCKET,REGION,AGE_BUCKET_AND_GENDER,QUIZ_RESULT,KEYWORD";
        var ad = (string)_f.Ads().First()["id"]!;
        var (status, body) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/ads/targeting_analytics?ad_ids={ad}&targeting_types={types}&start_date=2026-01-05&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR");
        Assert.Equal(400, status);
        Assert.Contains("targeting_types", (string)body!["message"]!);
        Assert.Contains("14", (string)body["message"]!);
    }

    [Fact]
    public async Task AdsAnalyticsNeedsAdIdsOrCampaignAndPinIds()
    {
        var (status, body) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/ads/analytics?campaign_ids={Campaign}&start_date=2026-01-05&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR");
        Assert.Equal(400, status);
        Assert.Contains("ad_ids", (string)body!["message"]!);
    }

    [Fact]
    public async Task PageSizeOutOfRangeIsRefused()
    {
        var (status, body) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/campaigns?page_size=251");
        Assert.Equal(400, status);
        Assert.Contains("page_size", (string)body!["message"]!);
    }

    [Fact]
    public async Task UnknownAccountIs404AndForeignAccountIs403()
    {
        Assert.Equal(404, (await _f.SendAsync(HttpMethod.Get, "ad_accounts/1")).Status);
        var (status, body) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.ForbiddenAccountId}/campaigns");
        Assert.Equal(403, status);
        Assert.Contains(_f.ForbiddenAccountId, (string)body!["message"]!);
    }

    public static IEnumerable<object[]> BadReportBodies()
    {
        object Body(Dictionary<string, object> changes)
        {
            var b = new Dictionary<string, object>
            {
                ["start_date"] = "2026-01-05", ["end_date"] = "2026-01-12", ["granularity"] = "DAY", ["level"] = "CAMPAIGN",
                ["columns"] = new[] { "SPEND_IN_DOLLAR" },
            };
            foreach (var (k, v) in changes) { if (v is null) b.Remove(k); else b[k] = v; }
            return b;
        }
        yield return new[] { Body(new() { ["columns"] = new[] { "NOPE" } }), "columns" };
        yield return new[] { Body(new() { ["colums"] = new[] { "SPEND_IN_DOLLAR" } }), "colums" };
        yield return new[] { Body(new() { ["level"] = "WORLD" }), "level" };
        yield return new[] { Body(new() { ["start_date"] = "2023-01-01", ["end_date"] = "2023-01-05" }), "914 days" };
        yield return new[] { Body(new() { ["start_date"] = "2025-06-01", ["end_date"] = "2026-01-05" }), "186 days" };
        yield return new[] { Body(new() { ["level"] = "PRODUCT_ITEM", ["start_date"] = "2025-09-01", ["end_date"] = "2025-09-05" }), "92 days" };
        yield return new[] { Body(new() { ["granularity"] = "HOUR", ["start_date"] = "2026-01-01", ["end_date"] = "2026-01-02" }), "8 days" };
        yield return new[] { Body(new() { ["campaign_ids"] = Enumerable.Range(1, 501).Select(i => i.ToString()).ToArray() }), "campaign_ids" };
        yield return new[] { Body(new() { ["level"] = "CAMPAIGN_TARGETING", ["targeting_types"] = new[] { "GENDER", "APPTYPE", "LOCATION", "COUNTRY", "GEO", "REGION" } }), "targeting_types" };
        yield return new[] { Body(new() { ["click_window_days"] = 5 }), "click_window_days" };
        yield return new[] { Body(new() { ["start_date"] = "20260105" }), "start_date" };
    }

    [Theory]
    [MemberData(nameof(BadReportBodies))]
    public async Task BadAsyncReportBodyIsRefused(object body, string mentioned)
    {
        var (status, json) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports", body);
        Assert.Equal(400, status);
        Assert.Contains(mentioned, (string)json!["message"]!);
    }

    [Fact]
    public async Task QueryParametersOnPostReportsAreRefused()
    {
        var body = new { start_date = "2026-01-05", end_date = "2026-01-12", granularity = "DAY", level = "CAMPAIGN", columns = new[] { "SPEND_IN_DOLLAR" } };
        var (status, json) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports?columns=SPEND_IN_DOLLAR", body);
        Assert.Equal(400, status);
        Assert.Contains("query parameter 'columns'", (string)json!["message"]!);
    }
}
