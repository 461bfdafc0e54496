using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>The data is one consistent world: days sum to totals, ads roll up, async equals sync, ground truth equals both.</summary>
public sealed class ConsistencyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ConsistencyTests(EmulatorFixture fixture) => _f = fixture;

    private const string Window = "start_date=2026-01-01&end_date=2026-01-14";
    private const string Additive = "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,OUTBOUND_CLICK_1,TOTAL_CONVERSIONS";

    private static long Sum(JsonArray rows, string column) => rows.Sum(r => r![column] is { } v ? (long)v : 0);

    [Fact]
    public async Task DaysSumToTotalAndRatiosComeFromSums()
    {
        var c = (string)_f.Campaigns().First()["id"]!;
        var days = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={c}&{Window}&granularity=DAY&columns={Additive},CTR")).AsArray();
        var total = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={c}&{Window}&granularity=TOTAL&columns={Additive},CTR")).AsArray();
        Assert.True(days.Count > 5);
        Assert.Single(total);
        Assert.Null(total[0]!["DATE"]);
        foreach (var column in Additive.Split(','))
            Assert.Equal(Sum(days, column), total[0]![column] is { } v ? (long)v : 0);
        Assert.Equal((double)Sum(days, "CLICKTHROUGH_1") / Sum(days, "IMPRESSION_1"), (double)total[0]!["CTR"]!, 6);
        var weeks = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={c}&{Window}&granularity=WEEK&columns={Additive}")).AsArray();
        Assert.Equal(Sum(days, "IMPRESSION_1"), Sum(weeks, "IMPRESSION_1"));
    }

    [Fact]
    public async Task AdsRollUpToAdGroupsCampaignsAndAccount()
    {
        var campaign = _f.Campaigns().First();
        var adIds = campaign["adGroups"]!.AsArray().SelectMany(g => g!["ads"]!.AsArray()).Select(a => (string)a!["id"]!).ToList();
        var ads = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/ads/analytics?{string.Join("&", adIds.Select(a => "ad_ids=" + a))}&{Window}&granularity=TOTAL&columns={Additive}")).AsArray();
        var camp = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={campaign["id"]}&{Window}&granularity=TOTAL&columns={Additive}")).AsArray();
        foreach (var column in Additive.Split(',')) Assert.Equal(Sum(ads, column), Sum(camp, column));

        var allCampaigns = string.Join("&", _f.Campaigns().Select(x => "campaign_ids=" + x["id"]));
        var campaigns = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?{allCampaigns}&{Window}&granularity=TOTAL&columns={Additive}")).AsArray();
        var account = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/analytics?{Window}&granularity=TOTAL&columns={Additive}")).AsArray();
        Assert.Equal(_f.AccountId, (string)account.Single()!["AD_ACCOUNT_ID"]!);
        foreach (var column in Additive.Split(',')) Assert.Equal(Sum(campaigns, column), Sum(account, column));
    }

    [Fact]
    public async Task SyncRowsAreSparseAndEqualGroundTruth()
    {
        var ids = _f.AdGroups().Take(3).Select(g => (string)g["id"]!).ToArray();
        var sync = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/ad_groups/analytics?{string.Join("&", ids.Select(i => "ad_group_ids=" + i))}&{Window}&granularity=DAY&columns={Additive},CTR,AD_GROUP_NAME")).AsArray();
        var expected = await _f.ExpectedRowsAsync(new
        {
            ad_account_id = _f.AccountId, level = "AD_GROUP", ids, start_date = "2026-01-01", end_date = "2026-01-14", granularity = "DAY",
            columns = (Additive + ",CTR,AD_GROUP_NAME").Split(','),
        });
        Assert.Equal(expected.ToJsonString(), sync.ToJsonString());
        // Sparse: some rows leave out a zero metric.
        Assert.Contains(sync, r => r!["TOTAL_CONVERSIONS"] is null);
        Assert.DoesNotContain(sync, r => r!.AsObject().Any(p => p.Value is JsonValue v && v.ToJsonString() == "0"));
    }

    [Fact]
    public async Task TargetingRowsSplitTheEntityAndUseKnownLocations()
    {
        var c = (string)_f.Campaigns().First()["id"]!;
        var targeting = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/targeting_analytics?campaign_ids={c}&targeting_types=LOCATION,GENDER&{Window}&granularity=TOTAL&columns=IMPRESSION_1")).AsObject()["data"]!.AsArray();
        var total = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={c}&{Window}&granularity=TOTAL&columns=IMPRESSION_1")).AsArray();
        foreach (var type in new[] { "LOCATION", "GENDER" })
            Assert.Equal((long)total[0]!["IMPRESSION_1"]!, targeting.Where(r => (string)r!["targeting_type"]! == type).Sum(r => (long)r!["metrics"]!["IMPRESSION_1"]!));
        var locations = (await _f.GetJsonAsync("resources/targeting/LOCATION")).AsArray().Single()!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.All(targeting.Where(r => (string)r!["targeting_type"]! == "LOCATION"), r => Assert.Contains((string)r!["targeting_value"]!, locations));
        Assert.Contains(locations, l => l == "500");
    }

    [Fact]
    public async Task AsyncReportEqualsSyncRowsInJsonAndCsv()
    {
        var ids = _f.Campaigns().Select(c => (string)c["id"]!).ToArray();
        var columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1", "TOTAL_CONVERSIONS", "CTR", "CAMPAIGN_NAME" };
        var sync = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?{string.Join("&", ids.Select(i => "campaign_ids=" + i))}&{Window}&granularity=DAY&columns={string.Join(",", columns)}")).AsArray();

        var json = await DownloadReportAsync(new { start_date = "2026-01-01", end_date = "2026-01-14", granularity = "DAY", level = "CAMPAIGN", columns, campaign_ids = ids });
        var byId = JsonNode.Parse(json)!.AsObject();
        var flattened = new JsonArray(byId.SelectMany(p => p.Value!.AsArray().Select(r => r!.DeepClone())).ToArray());
        Assert.Equal(sync.ToJsonString(), flattened.ToJsonString());

        var csv = await DownloadReportAsync(new { start_date = "2026-01-01", end_date = "2026-01-14", granularity = "DAY", level = "CAMPAIGN", columns, campaign_ids = ids, report_format = "CSV" });
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("CAMPAIGN_ID,DATE," + string.Join(",", columns), lines[0]);
        Assert.Equal(sync.Count, lines.Length - 1);
        // CSV zero-fills what JSON leaves out.
        var sparseRow = sync.Select((r, i) => (r, i)).First(x => x.r!["TOTAL_CONVERSIONS"] is null);
        Assert.Equal("0", lines[sparseRow.i + 1].Split(',')[4]);
    }

    private Task<string> DownloadReportAsync(object body) => _f.DownloadReportAsync(body);
}
