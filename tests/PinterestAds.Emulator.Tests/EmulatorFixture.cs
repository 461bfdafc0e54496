using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>One emulator per test class (xunit class fixture), with a fixed "today" so dates are stable.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 1, 15);

    public EmulatorServer Server { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public HttpClient Anonymous { get; } = new();
    public string AccountId { get; private set; } = "";
    public string ForbiddenAccountId { get; private set; } = "";
    public JsonNode World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Today = Today, ReportPreparationMs = 0, BulkPreparationMs = 0 });
        Api = NewClient("emulator-access-token");
        World = JsonNode.Parse(await Anonymous.GetStringAsync(Server.AdminUri + "/world"))!;
        AccountId = (string)World["adAccounts"]![0]!["id"]!;
        ForbiddenAccountId = World["adAccounts"]!.AsArray().Single(a => (string)a!["access"]! == "FORBIDDEN")!["id"]!.ToString();
    }

    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Server.ApiBaseUri + "/") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public IEnumerable<JsonNode> Campaigns(int account = 0) => World["adAccounts"]![account]!["campaigns"]!.AsArray()!;

    public IEnumerable<JsonNode> AdGroups(int account = 0) => Campaigns(account).SelectMany(c => c["adGroups"]!.AsArray()!)!;

    public IEnumerable<JsonNode> Ads(int account = 0) => AdGroups(account).SelectMany(g => g["ads"]!.AsArray()!)!;

    public async Task<JsonNode> GetJsonAsync(string relative)
    {
        using var response = await Api.GetAsync(relative);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {relative} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string relative, object? body = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, relative);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await (client ?? Api).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonArray> ExpectedRowsAsync(object query)
    {
        using var response = await Anonymous.PostAsync(Server.AdminUri + "/expected-rows",
            new StringContent(JsonSerializer.Serialize(query), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Creates an async report of the first account, waits for it and returns the downloaded file's text.</summary>
    public async Task<string> DownloadReportAsync(object body)
    {
        var (status, created) = await SendAsync(HttpMethod.Post, $"ad_accounts/{AccountId}/reports", body);
        Assert.True(status == 200, created?.ToJsonString());
        Assert.Equal("IN_PROGRESS", (string)created!["report_status"]!);
        var token = (string)created["token"]!;
        for (var i = 0; i < 100; i++)
        {
            var state = await GetJsonAsync($"ad_accounts/{AccountId}/reports?token={token}");
            if ((string)state["report_status"]! == "FINISHED")
            {
                using var response = await Anonymous.GetAsync((string)state["url"]!);
                response.EnsureSuccessStatusCode();
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal((long)(double)state["size"]!, bytes.Length);
                if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
                {
                    using var zip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                    return await new StreamReader(zip).ReadToEndAsync();
                }
                return Encoding.UTF8.GetString(bytes);
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("report did not finish");
    }

    public Task AdminAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, Server.AdminUri + path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return Anonymous.SendAsync(request).ContinueWith(t => { t.Result.EnsureSuccessStatusCode(); t.Result.Dispose(); });
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await Server.DisposeAsync();
    }
}
