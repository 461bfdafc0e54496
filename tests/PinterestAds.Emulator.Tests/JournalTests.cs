using System.Net;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// The journal holds a request, with its status, before the response starts: a client that has seen any byte
/// of an answer finds the request in GET /_emulator/requests without waiting or re-reading.
/// </summary>
public sealed class JournalTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public JournalTests(EmulatorFixture fixture) => _f = fixture;

    private async Task<JsonArray> JournalAsync() =>
        JsonNode.Parse(await _f.Anonymous.GetStringAsync(_f.Server.AdminUri + "/requests"))!.AsArray();

    [Theory]
    [InlineData("ad_accounts/list")]
    [InlineData("templates/list")]
    public async Task AnApiRequestIsJournaledWithItsStatusWhileItsBodyIsStillStalled(string operationId)
    {
        await _f.AdminAsync(HttpMethod.Delete, "/requests");
        // The body stalls after 5 bytes and is held open until the client gives up: an emulator that journaled
        // a request once its response had ended would show nothing here.
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "stall", target = operationId, count = 1, afterBytes = 5 });
        using var abandon = new CancellationTokenSource();
        var path = operationId == "ad_accounts/list" ? "ad_accounts" : $"ad_accounts/{_f.AccountId}/templates";
        using var response = await _f.Api.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, abandon.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await JournalAsync());
        Assert.Equal(operationId, (string?)entry!["OperationId"]);
        Assert.Equal(200, (int)entry["Status"]!);
        Assert.Equal("api", (string?)entry["Host"]);
        abandon.Cancel();
    }

    [Fact]
    public async Task AStoreDownloadIsJournaledWithItsStatusWhileItsBodyIsStillStalled()
    {
        var (_, created) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports",
            new { start_date = "2026-01-01", end_date = "2026-01-07", granularity = "DAY", level = "CAMPAIGN", columns = new[] { "SPEND_IN_DOLLAR" }, report_format = "CSV" });
        var token = (string)created!["token"]!;
        // The file's size is computed in the background even with no preparation time: poll the report (not the journal).
        var status = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
        for (var i = 0; i < 200 && (string?)status["report_status"] != "FINISHED"; i++)
        {
            await Task.Delay(10);
            status = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/reports?token={token}");
        }
        Assert.Equal("FINISHED", (string?)status["report_status"]);
        await _f.AdminAsync(HttpMethod.Delete, "/requests");
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "stall", target = "store", count = 1, afterBytes = 10 });
        using var response = await _f.Anonymous.GetAsync((string)status["url"]!, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await JournalAsync());
        Assert.Equal("store", (string?)entry!["Host"]);
        Assert.Equal(200, (int)entry["Status"]!);
    }

    [Fact]
    public async Task EveryAnsweredRequestIsInTheVeryNextReadInArrivalOrder()
    {
        await _f.AdminAsync(HttpMethod.Delete, "/requests");
        var statuses = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            // An answer with a body, and an error answered by the pipeline before any handler.
            statuses.Add((await _f.SendAsync(HttpMethod.Get, "ad_accounts")).Status);
            statuses.Add((await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: _f.NewClient("not-a-token"))).Status);
            var journal = await JournalAsync();
            Assert.Equal(statuses, journal.Select(e => (int)e!["Status"]!));
        }
        var sequences = (await JournalAsync()).Select(e => (long)e!["Sequence"]!).ToList();
        Assert.Equal(sequences.OrderBy(s => s), sequences);
        Assert.Equal(new[] { 200, 401 }, statuses.Distinct());
    }
}
