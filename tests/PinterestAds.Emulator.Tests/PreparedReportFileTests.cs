using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// A report's file is produced once, when the report is prepared, and served as it is (as Pinterest serves a
/// finished file from S3): the size stated at FINISHED is the length of every download, downloads repeat the
/// same bytes, large files live in the emulator's own folder until the report expires or the emulator stops.
/// Each test runs its own emulator, as it changes options or "today".
/// </summary>
public sealed class PreparedReportFileTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    /// <summary>A world whose 136-day ad report is several MB (past the in-memory limit, gzip-encoded too).</summary>
    private static EmulatorOptions LargeWorld() => new() { AdAccounts = 1, CampaignsPerAccount = 150, AdGroupsPerCampaign = 2, AdsPerAdGroup = 4 };

    private sealed class Emulator : IAsyncDisposable
    {
        public EmulatorServer Server { get; private init; } = null!;
        public HttpClient Api { get; private init; } = null!;
        public HttpClient Anonymous { get; } = new();
        public string AccountId { get; private set; } = "";

        public static async Task<Emulator> StartAsync(EmulatorOptions options)
        {
            options.Today = Today;
            options.ReportPreparationMs = 0;
            var server = await EmulatorServer.StartAsync(options);
            var emulator = new Emulator
            {
                Server = server,
                Api = new HttpClient { BaseAddress = new Uri(server.ApiBaseUri + "/") },
            };
            emulator.Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "emulator-access-token");
            var world = JsonNode.Parse(await emulator.Anonymous.GetStringAsync(server.AdminUri + "/world"))!;
            emulator.AccountId = (string)world["adAccounts"]![0]!["id"]!;
            return emulator;
        }

        public async Task<string> CreateAsync(string start = "2025-09-01", string format = "CSV")
        {
            var body = new
            {
                start_date = start, end_date = "2026-01-14", granularity = "DAY", level = "PIN_PROMOTION",
                columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "TOTAL_CONVERSIONS" }, report_format = format,
            };
            using var response = await Api.PostAsync($"ad_accounts/{AccountId}/reports", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return (string)JsonNode.Parse(text)!["token"]!;
        }

        public async Task<JsonNode> StatusAsync(string token) =>
            JsonNode.Parse(await Api.GetStringAsync($"ad_accounts/{AccountId}/reports?token={token}"))!;

        public async Task<JsonNode> FinishedAsync(string token)
        {
            for (var i = 0; i < 500; i++)
            {
                var status = await StatusAsync(token);
                if ((string)status["report_status"]! == "FINISHED") return status;
                await Task.Delay(10);
            }
            throw new TimeoutException("report did not finish");
        }

        public Task AdminAsync(HttpMethod method, string path, object body) =>
            Anonymous.SendAsync(new HttpRequestMessage(method, Server.AdminUri + path)
            {
                Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            }).ContinueWith(t => { t.Result.EnsureSuccessStatusCode(); t.Result.Dispose(); });

        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            Anonymous.Dispose();
            await Server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DownloadsRepeatTheBytesWhoseLengthFinishedStated(bool gzip)
    {
        await using var emulator = await Emulator.StartAsync(WithGzip(LargeWorld(), gzip));
        var token = await emulator.CreateAsync();
        var status = await emulator.FinishedAsync(token);
        var size = (long)(double)status["size"]!;
        var url = (string)status["url"]!;

        using var first = await emulator.Anonymous.GetAsync(url);
        using var second = await emulator.Anonymous.GetAsync(url);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var secondBytes = await second.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(size, firstBytes.Length);
        Assert.Equal(size, first.Content.Headers.ContentLength);
        Assert.Equal(firstBytes, secondBytes);
        Assert.Equal(gzip, first.Content.Headers.ContentEncoding.Contains("gzip"));

        // A report this long is past the in-memory limit: its file is on disk in the emulator's folder.
        var report = emulator.Server.State.Reports.Find(token)!;
        Assert.True(report.File!.Result.OnDisk, $"{size} bytes stayed in memory");
        Assert.True(size > Reports.PreparedReportFile.InMemoryLimit);

        // The file is the report as the ground truth gives it (the bytes were not made up on the way).
        var text = gzip ? Gunzip(firstBytes) : Encoding.UTF8.GetString(firstBytes);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("AD_ID,DATE,SPEND_IN_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,TOTAL_CONVERSIONS", lines[0]);
        Assert.True(lines.Length > 10_000, $"{lines.Length} lines");

        // HEAD states the same length and sends no body.
        using var head = await emulator.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(size, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ASmallReportIsKeptInMemoryAndServedTheSame()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions());
        var token = await emulator.CreateAsync(start: "2026-01-10");
        var status = await emulator.FinishedAsync(token);
        Assert.False(emulator.Server.State.Reports.Find(token)!.File!.Result.OnDisk);
        var url = (string)status["url"]!;
        var a = await emulator.Anonymous.GetByteArrayAsync(url);
        var b = await emulator.Anonymous.GetByteArrayAsync(url);
        Assert.Equal((long)(double)status["size"]!, a.Length);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task TheFileIsTheReportAsPreparedNotAsTheWorldIsLater()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions());
        var token = await emulator.CreateAsync(start: "2026-01-01");
        var status = await emulator.FinishedAsync(token);
        var before = await emulator.Anonymous.GetByteArrayAsync((string)status["url"]!);
        // Nights pass (late conversions move the recent days' numbers): a finished file does not change.
        await emulator.AdminAsync(HttpMethod.Post, "/today", new { days = 3 });
        var after = await emulator.Anonymous.GetByteArrayAsync((string)(await emulator.FinishedAsync(token))["url"]!);
        Assert.Equal(before, after);
        Assert.Equal((long)(double)status["size"]!, after.Length);
    }

    [Fact]
    public async Task AnExpiredLinkIsStillRefused()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { LinkLifetimeSeconds = 1 });
        var token = await emulator.CreateAsync(start: "2026-01-10");
        var url = (string)(await emulator.FinishedAsync(token))["url"]!;
        await Task.Delay(2100);
        using var response = await emulator.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Request has expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnExpiredReportLosesItsFileForGoodAndTheEmulatorsFolderGoesWithIt()
    {
        var emulator = await Emulator.StartAsync(LargeWorld());
        string folder;
        try
        {
            var token = await emulator.CreateAsync();
            var url = (string)(await emulator.FinishedAsync(token))["url"]!;
            var file = emulator.Server.State.Reports.Find(token)!.File!.Result;
            Assert.True(file.OnDisk);
            folder = emulator.Server.State.Reports.Folder.FolderPath;
            Assert.Single(Directory.GetFiles(folder));

            // The lifetime passes: the next report made sweeps the expired one's file away.
            await emulator.AdminAsync(HttpMethod.Patch, "/options", new { reportLifetimeSeconds = 0.5 });
            await Task.Delay(700);
            await emulator.CreateAsync(start: "2026-01-14");
            Assert.Equal("EXPIRED", (string)(await emulator.StatusAsync(token))["report_status"]!);
            Assert.Empty(Directory.GetFiles(folder));
            using (var gone = await emulator.Anonymous.GetAsync(url))
            {
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
                Assert.Contains("<Code>NoSuchKey</Code>", await gone.Content.ReadAsStringAsync());
            }

            // An expired report stays expired, even when the lifetime is raised again.
            await emulator.AdminAsync(HttpMethod.Patch, "/options", new { reportLifetimeSeconds = 3600 });
            Assert.Equal("EXPIRED", (string)(await emulator.StatusAsync(token))["report_status"]!);

            // A report made now is prepared and served as usual.
            var fresh = await emulator.CreateAsync();
            var status = await emulator.FinishedAsync(fresh);
            var bytes = await emulator.Anonymous.GetByteArrayAsync((string)status["url"]!);
            Assert.Equal((long)(double)status["size"]!, bytes.Length);
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            await emulator.DisposeAsync();
        }
        Assert.False(Directory.Exists(folder), $"{folder} is left behind");
    }

    private static EmulatorOptions WithGzip(EmulatorOptions options, bool gzip)
    {
        options.GzipDownloads = gzip;
        return options;
    }

    private static string Gunzip(byte[] bytes)
    {
        using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(zip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
