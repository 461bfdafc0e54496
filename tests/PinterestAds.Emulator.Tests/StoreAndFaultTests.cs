using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

public sealed class StoreAndFaultTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public StoreAndFaultTests(EmulatorFixture fixture) => _f = fixture;

    private async Task<string> FinishedReportUrlAsync(string level = "PIN_PROMOTION")
    {
        var (_, created) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports",
            new { start_date = "2025-12-01", end_date = "2026-01-14", granularity = "DAY", level, columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1" }, report_format = "CSV" });
        var token = (string)created!["token"]!;
        for (var i = 0; i < 200; i++)
        {
            var state = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
            if ((string)state["report_status"]! == "FINISHED") return (string)state["url"]!;
            await Task.Delay(10);
        }
        throw new TimeoutException();
    }

    [Fact]
    public async Task StoreRefusesAuthorizationHeaderAndBadSignatures()
    {
        var url = await FinishedReportUrlAsync();
        var withAuth = new HttpRequestMessage(HttpMethod.Get, url);
        withAuth.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-access-token");
        using var refused = await _f.Anonymous.SendAsync(withAuth);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await refused.Content.ReadAsStringAsync());
        using var tampered = await _f.Anonymous.GetAsync(url.Replace("sig=", "sig=0"));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        using var ok = await _f.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var journal = JsonNode.Parse(await _f.Anonymous.GetStringAsync(_f.Server.AdminUri + "/requests"))!.AsArray();
        Assert.Contains(journal, e => (string)e!["Host"]! == "store" && (bool)e["HadAuthorization"]! && (int)e["Status"]! == 403);
        Assert.DoesNotContain("emulator-access-token", journal.ToJsonString());
    }

    [Fact]
    public async Task ReportStatusesUnknownForcedAndFreshLinks()
    {
        var unknown = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token=nope");
        Assert.Equal("DOES_NOT_EXIST", (string)unknown["report_status"]!);
        var (_, created) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports",
            new { start_date = "2026-01-01", end_date = "2026-01-02", granularity = "TOTAL", level = "ADVERTISER", columns = new[] { "SPEND_IN_DOLLAR" } });
        var token = (string)created!["token"]!;
        await Task.Delay(50);
        var a = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
        await Task.Delay(1100);
        var b = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
        Assert.NotEqual((string)a["url"]!, (string)b["url"]!);
        foreach (var forced in new[] { "FAILED", "CANCELLED", "EXPIRED" })
        {
            await _f.AdminAsync(HttpMethod.Post, $"/reports/{token}/status", new { status = forced });
            var s = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
            Assert.Equal(forced, (string)s["report_status"]!);
            Assert.Null(s["url"]);
        }
    }

    [Fact]
    public async Task ExpiredLinkIs403WithS3StyleError()
    {
        var url = await FinishedReportUrlAsync("CAMPAIGN");
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "expired-link", target = "store", count = 1 });
        using var response = await _f.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Request has expired", await response.Content.ReadAsStringAsync());
        using var again = await _f.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task StatusFaultsFireForTheirCountThenStop()
    {
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "status", target = "templates/list", status = 503, count = 2 });
        Assert.Equal(503, (await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/templates")).Status);
        Assert.Equal(503, (await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/templates")).Status);
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/templates")).Status);

        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "status", target = "templates/list", status = 429, rateLimitResetSeconds = 64800, count = 1 });
        using var limited = await _f.Api.GetAsync($"ad_accounts/{_f.AccountId}/templates");
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("64800", limited.Headers.GetValues("X-RateLimit-Reset").Single());
    }

    [Fact]
    public async Task LatencyFaultDelaysTheCall()
    {
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "latency", target = "ad_accounts/list", latencyMs = 300, count = 1 });
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts")).Status);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("truncate")]
    public async Task BrokenDownloadsFailTheClient(string kind)
    {
        var url = await FinishedReportUrlAsync();
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind, target = "store", count = 1, afterBytes = 1000 });
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await _f.Anonymous.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
        });
        using var fine = await _f.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task StalledDownloadHangsUntilTheClientGivesUp()
    {
        var url = await FinishedReportUrlAsync();
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "stall", target = "store", count = 1, afterBytes = 100 });
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(700) };
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
        });
        Assert.True(watch.ElapsedMilliseconds >= 600);
    }

    [Fact]
    public async Task BulkDownloadSucceedsOrFailsOnDemand()
    {
        var (_, created) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/bulk/download", new { entity_types = new[] { "CAMPAIGN" }, output_format = "JSON" });
        var id = (string)created!["request_id"]!;
        var status = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/bulk/{id}");
        Assert.Equal("SUCCEEDED", (string)status["status"]!);
        var file = JsonNode.Parse(await _f.Anonymous.GetStringAsync((string)status["result_url"]!))!;
        Assert.All(file["campaigns"]!.AsArray(), c => Assert.Equal("ACTIVE", (string)c!["status"]!));
        await _f.AdminAsync(HttpMethod.Post, $"/reports/{id}/status", new { status = "FAILED" });
        Assert.Equal("FAILED", (string)(await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/bulk/{id}"))["status"]!);
        var (badStatus, bad) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/bulk/download", new { entity_types = new[] { "PIN" } });
        Assert.Equal(400, badStatus);
        Assert.Contains("entity_types", (string)bad!["message"]!);
    }
}

public sealed class StartupTests
{
    [Fact]
    public async Task StartsWellUnderTwoSecondsAndStopsCleanly()
    {
        var watch = Stopwatch.StartNew();
        await using (var server = await EmulatorServer.StartAsync(new EmulatorOptions()))
        {
            Assert.True(watch.ElapsedMilliseconds < 2000, $"start took {watch.ElapsedMilliseconds} ms");
            Assert.StartsWith("http://127.0.0.1:", server.ApiBaseUri.ToString());
            Assert.EndsWith("/v5", server.ApiBaseUri.ToString());
            Assert.EndsWith("/_emulator", server.AdminUri.ToString());
            Assert.NotEqual(server.ApiBaseUri.Port, server.ObjectStoreUri.Port);
        }
        Assert.True(watch.ElapsedMilliseconds < 4000);
    }

    [Fact]
    public async Task LargeWorldsAreGeneratedQuickly()
    {
        var watch = Stopwatch.StartNew();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { AdAccounts = 1, CampaignsPerAccount = 2000, AdGroupsPerCampaign = 1, AdsPerAdGroup = 3 });
        Assert.True(watch.ElapsedMilliseconds < 4000, $"start took {watch.ElapsedMilliseconds} ms");
    }
}
