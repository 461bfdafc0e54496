using System.IO.Compression;
using System.Net;
using System.Text;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Reports;

/// <summary>
/// Issue 16 points 2, 3, 4, 8, 13 and issue 18 "Downloads": a report download is whole (stated size,
/// Content-Length, shape) before any row is read, a cut transfer is repeated, and every cap has its error.
/// </summary>
public class HostileDownloadTests
{
    private const string Csv = "CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR,IMPRESSION_1\n11,2026-01-01,1.5,10\n12,2026-01-01,0,3\n13,2026-01-01,2,4\n";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    private static ReportJob Job(PinterestSession session, long? size, ReportFormat format = ReportFormat.Csv, string link = "https://store.example.test/r?sig=abc", string token = "tok") =>
        new ReportJob(session, "1", token, ReportJobKind.Analytics, ReportStatuses.InProgress, format, DateTimeOffset.UtcNow)
        {
            Level = "CAMPAIGN",
            Granularity = "DAY",
            Columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1" },
        }.WithStatus(ReportStatuses.Finished, new Uri(link), size, DateTimeOffset.UtcNow);

    /// <summary>A body without Content-Length (connection-delimited), optionally failing with a reset after some bytes.</summary>
    private static HttpResponseMessage Body(byte[] bytes, int? resetAfter = null, bool gzip = false)
    {
        var content = new StreamContent(new TestStreams.Unsized(bytes, resetAfter));
        if (gzip) content.Headers.ContentEncoding.Add("gzip");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static async Task<List<ReportRow>> ReadAll(ReportJob job)
    {
        using var download = await ReportDownload.OpenAsync(job, Idle, NullPinLog.Instance, default, default);
        return ReportRows.Read(download, null, default).ToList();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_body_closed_early_at_a_row_boundary_without_Content_Length_is_truncated_against_the_stated_size()
    {
        string cut = Csv.Substring(0, Csv.IndexOf("13,", StringComparison.Ordinal));
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++) wire.Then(_ => Body(Utf8(cut)));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, Csv.Length)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
        Assert.Contains("stated", error.Message);
    }

    [Fact]
    public async Task A_correct_Content_Length_for_a_shorter_file_is_refused()
    {
        string shorter = "CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR,IMPRESSION_1\n11,2026-01-01,1.5,10\n";
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++) wire.Then(HttpStatusCode.OK, shorter);
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, Csv.Length)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
    }

    [Fact]
    public async Task A_header_only_file_is_not_an_empty_report_when_the_size_says_otherwise()
    {
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++) wire.Then(_ => Body(Utf8("CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR,IMPRESSION_1\n")));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, Csv.Length)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_stated_size()
    {
        var wire = new ScriptedHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TestStreams.Endless()) });
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, 1_000_000)));
        Assert.Equal("ReportDownloadTooLarge", error.ErrorId);
        Assert.Contains("size", error.Message);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_decompression_cap()
    {
        // "1\n" over and over is a valid one-column CSV, so only the decompression cap can stop it.
        byte[] bomb = GzipOfLines(300L * 1024 * 1024);
        var wire = new ScriptedHandler().Then(_ => Body(bomb));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, bomb.Length)));
        Assert.Equal("ReportDecompressedTooLarge", error.ErrorId);
    }

    [Fact]
    public async Task A_connection_reset_mid_download_is_retried_and_the_rows_are_exact()
    {
        // Issue 18, Downloads: one reset in the middle no longer fails the part.
        var wire = new ScriptedHandler().Then(_ => Body(Utf8(Csv), resetAfter: 60)).Then(_ => Body(Utf8(Csv)));
        using var session = TestSessions.Create(wire);
        var rows = await ReadAll(Job(session, Csv.Length));
        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { "11", "12", "13" }, rows.Select(r => (string)r.GetType().GetProperty("CAMPAIGN_ID")!.GetValue(r)!));
        Assert.Equal(2, wire.Requests.Count);
    }

    [Fact]
    public async Task A_reset_and_then_an_expired_link_gets_a_fresh_link_and_the_rows_are_exact()
    {
        var wire = new ScriptedHandler()
            .Then(_ => Body(Utf8(Csv), resetAfter: 60))
            .Then(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
            .Then(HttpStatusCode.OK, $"{{\"report_status\":\"FINISHED\",\"url\":\"https://store.example.test/fresh?sig=new\",\"size\":{Csv.Length}}}")
            .Then(_ => Body(Utf8(Csv)));
        using var session = TestSessions.Create(wire);
        var rows = await ReadAll(Job(session, Csv.Length));
        Assert.Equal(3, rows.Count);
        var requests = wire.Requests.ToArray();
        Assert.Equal(4, requests.Length);
        Assert.Contains("token=tok", requests[2].Uri.Query);
        Assert.Equal("/fresh", requests[3].Uri.AbsolutePath);
        Assert.Null(requests[3].Authorization);
    }

    [Fact]
    public async Task A_cut_csv_with_a_matching_size_gives_no_row_at_all()
    {
        // Point 4: the shape is checked before the first row reaches anyone.
        string broken = Csv + "14,2026-01-01\n";
        var wire = new ScriptedHandler().Then(_ => Body(Utf8(broken)));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReportDownload.OpenAsync(Job(session, broken.Length), Idle, NullPinLog.Instance, default, default));
        Assert.Equal("ReportFormatInvalid", error.ErrorId);
    }

    [Theory]
    [InlineData("{}{\"11\":[]}")]
    [InlineData("null")]
    [InlineData("{\"11\":{\"a\":1}}")]
    [InlineData("[1,2]")]
    public async Task A_json_report_that_is_not_one_object_of_row_arrays_is_refused(string json)
    {
        var wire = new ScriptedHandler().Then(_ => Body(Utf8(json)));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, json.Length, ReportFormat.Json)));
        Assert.Equal("ReportFormatInvalid", error.ErrorId);
    }

    [Fact]
    public async Task Endless_blank_lines_are_refused_at_the_blank_line_cap()
    {
        string blank = Csv + new string('\n', 5000);
        var wire = new ScriptedHandler().Then(_ => Body(Utf8(blank)));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, blank.Length)));
        Assert.Equal("ReportFormatInvalid", error.ErrorId);
        Assert.Contains("blank", error.Message);
    }

    [Fact]
    public async Task A_csv_without_a_requested_column_is_refused_rather_than_read_as_zero()
    {
        string missing = "CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR\n11,2026-01-01,1.5\n";
        var wire = new ScriptedHandler().Then(_ => Body(Utf8(missing)));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, missing.Length)));
        Assert.Equal("ReportFormatInvalid", error.ErrorId);
        Assert.Contains("IMPRESSION_1", error.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://store.example.test/r")]
    [InlineData("http://store.example.test/r?sig=abc")]
    public async Task A_link_that_is_not_https_is_refused_before_anything_is_fetched(string link)
    {
        var wire = new ScriptedHandler();
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(Job(session, 10, link: link)));
        Assert.Equal("ReportLinkInvalid", error.ErrorId);
        Assert.Empty(wire.Requests);
    }

    [Fact]
    public async Task A_finished_report_without_a_link_says_so()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.OK, "{\"report_status\":\"FINISHED\",\"size\":10}");
        using var session = TestSessions.Create(wire);
        var job = new ReportJob(session, "1", "tok", ReportJobKind.Analytics, ReportStatuses.InProgress, ReportFormat.Csv, DateTimeOffset.UtcNow);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(job));
        Assert.Equal("ReportLinkMissing", error.ErrorId);
        Assert.DoesNotContain("not finished", error.Message);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/absolute")]
    [InlineData("..")]
    [InlineData("a\\b")]
    public void A_token_that_is_not_a_plain_name_never_names_a_file(string token)
    {
        var folder = Directory.CreateTempSubdirectory("pin-token").FullName;
        try
        {
            var job = new ReportJob(null, "1", token, ReportJobKind.Analytics, "FINISHED", ReportFormat.Csv, DateTimeOffset.UtcNow);
            var error = Assert.Throws<PinterestException>(() => ReportFilePaths.InFolder(folder, job));
            Assert.Equal("ReportTokenUnsafeAsFileName", error.ErrorId);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void A_plain_token_names_a_file_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("pin-token").FullName;
        try
        {
            var job = new ReportJob(null, "1", "abc-123_x.y", ReportJobKind.Analytics, "FINISHED", ReportFormat.Csv, DateTimeOffset.UtcNow);
            Assert.Equal(Path.Combine(folder, "abc-123_x.y.csv"), ReportFilePaths.InFolder(folder, job));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Theory]
    [InlineData("/proc/pinterestads/report.csv")]
    [InlineData("bad\0name.csv")]
    public void An_out_file_that_cannot_be_written_is_refused(string path)
    {
        var error = Assert.Throws<PinterestValidationException>(() => ReportFilePaths.RequireWritable("OutFile", path));
        Assert.StartsWith("OutFile", error.ErrorId);
        Assert.Equal("OutFile", error.ParameterName);
    }

    private static byte[] GzipOfLines(long bytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < zeros.Length; i++) zeros[i] = (byte)(i % 2 == 0 ? '1' : '\n');
            for (long left = bytes; left > 0; left -= zeros.Length) zip.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
        }
        return memory.ToArray();
    }
}
