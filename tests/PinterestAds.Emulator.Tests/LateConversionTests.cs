using System.IO.Compression;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// Late conversions and a movable "today": a day's conversion metrics keep growing on a fixed schedule
/// until the metrics ready state calls them final, then never change; sync analytics, async report files
/// and the admin ground truth agree at every step; non-conversion metrics do not move. Each test runs its
/// own emulator, since moving "today" is not undone.
/// </summary>
public sealed class LateConversionTests : IAsyncLifetime
{
    private readonly EmulatorFixture _f = new();
    private static readonly string Day = EmulatorFixture.Today.AddDays(-1).ToString("yyyy-MM-dd");
    private static readonly string[] Columns = { "TOTAL_CONVERSIONS", "TOTAL_CHECKOUT", "TOTAL_IMPRESSION" };

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    private string[] CampaignIds => _f.Campaigns().Select(c => (string)c["id"]!).ToArray();

    private async Task<long> SyncSumAsync(string column)
    {
        var ids = string.Join("&", CampaignIds.Select(id => "campaign_ids=" + id));
        var rows = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/campaigns/analytics?start_date={Day}&end_date={Day}&granularity=DAY&columns={string.Join(",", Columns)}&{ids}")).AsArray();
        return rows.Sum(r => r![column] is JsonNode v ? (long)(double)v : 0);
    }

    private async Task<long> TruthSumAsync(string column)
    {
        var rows = await _f.ExpectedRowsAsync(new { ad_account_id = _f.AccountId, level = "CAMPAIGN", ids = CampaignIds, start_date = Day, end_date = Day, granularity = "DAY", columns = Columns });
        return rows.Sum(r => r![column] is JsonNode v ? (long)(double)v : 0);
    }

    private async Task<(bool Conversion, bool NonConversion)> ReadyAsync()
    {
        var state = await _f.GetJsonAsync($"resources/metrics_ready_state?date={Day}");
        if (OpenApiSchemas.Available)
            OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseSchema("/resources/metrics_ready_state", "get", "200"), state, "metrics_ready_state/get");
        return ((bool)state["conversion_metrics_ready"]!, (bool)state["non_conversion_metrics_ready"]!);
    }

    private async Task MoveTodayAsync(int days)
    {
        await _f.AdminAsync(HttpMethod.Post, "/today", new { days });
    }

    [Fact]
    public async Task ConversionsGrowUntilTheReadyStateSaysFinalThenStay()
    {
        var conversions = new List<long>();
        var impressions = new List<long>();
        var ready = new List<bool>();
        // Day is yesterday: age 1, then 2 (final), then 3 and 10 (still final, unchanged).
        foreach (var move in new[] { 0, 1, 1, 7 })
        {
            await MoveTodayAsync(move);
            conversions.Add(await SyncSumAsync("TOTAL_CONVERSIONS"));
            impressions.Add(await SyncSumAsync("TOTAL_IMPRESSION"));
            ready.Add((await ReadyAsync()).Conversion);
        }
        Assert.Equal(new[] { false, true, true, true }, ready);
        Assert.True(conversions[0] < conversions[1], $"conversions of {Day} grow until final: {string.Join(", ", conversions)}");
        Assert.Equal(conversions[1], conversions[2]);
        Assert.Equal(conversions[1], conversions[3]);
        Assert.All(impressions, i => Assert.Equal(impressions[0], i));
    }

    [Fact]
    public async Task SyncAsyncAndGroundTruthAgreeWhileConversionsArrive()
    {
        Assert.False((await ReadyAsync()).Conversion);
        long sync = await SyncSumAsync("TOTAL_CHECKOUT");
        Assert.True(sync > 0, "the day has checkouts to compare");
        Assert.Equal(await TruthSumAsync("TOTAL_CHECKOUT"), sync);

        var (status, created) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports",
            new { start_date = Day, end_date = Day, granularity = "DAY", level = "CAMPAIGN", columns = Columns, campaign_ids = CampaignIds, report_format = "CSV" });
        Assert.Equal(200, status);
        var token = (string)created!["token"]!;
        string? csv = null;
        for (var i = 0; i < 100 && csv == null; i++)
        {
            var state = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
            if ((string)state["report_status"]! == "FINISHED")
            {
                var bytes = await _f.Anonymous.GetByteArrayAsync((string)state["url"]!);
                csv = bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
                    ? await new StreamReader(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress)).ReadToEndAsync()
                    : System.Text.Encoding.UTF8.GetString(bytes);
            }
            else await Task.Delay(20);
        }
        Assert.NotNull(csv);
        var lines = csv!.TrimEnd('\n').Split('\n');
        int checkout = Array.IndexOf(lines[0].Split(','), "TOTAL_CHECKOUT");
        Assert.Equal(sync, lines.Skip(1).Sum(l => long.Parse(l.Split(',')[checkout])));

        await MoveTodayAsync(1);
        Assert.True((await ReadyAsync()).Conversion);
        Assert.Equal(await TruthSumAsync("TOTAL_CHECKOUT"), await SyncSumAsync("TOTAL_CHECKOUT"));
    }

    [Fact]
    public async Task TodayMovesForwardOnly()
    {
        using var back = await _f.Anonymous.PostAsync(_f.Server.AdminUri + "/today",
            new StringContent("{\"today\":\"2020-01-01\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)back.StatusCode);
        using var forward = await _f.Anonymous.PostAsync(_f.Server.AdminUri + "/today",
            new StringContent("{\"days\":3}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(EmulatorFixture.Today.AddDays(3).ToString("yyyy-MM-dd"), (string)JsonNode.Parse(await forward.Content.ReadAsStringAsync())!["today"]!);
        var world = JsonNode.Parse(await _f.Anonymous.GetStringAsync(_f.Server.AdminUri + "/world"))!;
        Assert.Equal(EmulatorFixture.Today.AddDays(3).ToString("yyyy-MM-dd"), (string)world["today"]!);
        // The new days have data, and the lookback window follows "today".
        var newest = EmulatorFixture.Today.AddDays(2).ToString("yyyy-MM-dd");
        var rows = (await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/analytics?start_date={newest}&end_date={newest}&granularity=DAY&columns=TOTAL_IMPRESSION")).AsArray();
        Assert.NotEmpty(rows);
    }
}
