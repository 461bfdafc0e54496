using System.IO.Compression;
using System.Net;
using System.Text;
using PinterestAds.Engine.Bulk;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Reports;

public class ReportDownloadTests
{
    private const string Csv = "CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR,IMPRESSION_1\n11,2026-01-01,1.5,10\n12,2026-01-01,0,3\n";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    private static ReportJob FinishedJob(PinterestSession session, ReportFormat format = ReportFormat.Csv, string level = "CAMPAIGN", long? size = null, string link = "https://store.example.test/r?sig=abc") =>
        new ReportJob(session, "1", "tok", ReportJobKind.Analytics, ReportStatuses.InProgress, format, DateTimeOffset.UtcNow)
        {
            Level = level,
            Granularity = "DAY",
            Columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1" },
        }.WithStatus(ReportStatuses.Finished, new Uri(link), size, DateTimeOffset.UtcNow);

    private static HttpResponseMessage File(byte[] bytes, long? declaredLength = null, bool contentEncodingGzip = false)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentLength = declaredLength ?? bytes.Length;
        if (contentEncodingGzip) content.Headers.ContentEncoding.Add("gzip");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Fastest)) zip.Write(Encoding.UTF8.GetBytes(text));
        return memory.ToArray();
    }

    private static async Task<List<ReportRow>> ReadAll(ReportJob job)
    {
        using var download = await ReportDownload.OpenAsync(job, Idle, NullPinLog.Instance, default, default);
        return ReportRows.Read(download, "JPY", default).ToList();
    }

    [Fact]
    public async Task The_download_carries_no_credentials_and_rows_are_typed_in_column_order()
    {
        var wire = new ScriptedHandler().Then(_ => File(Encoding.UTF8.GetBytes(Csv)));
        using var session = TestSessions.Create(wire);
        var rows = await ReadAll(FinishedJob(session));
        Assert.Equal(2, rows.Count);
        var request = Assert.Single(wire.Requests);
        Assert.Equal("store.example.test", request.Uri.Host);
        Assert.Null(request.Authorization);
        var properties = rows[0].GetType().GetProperties().Select(p => p.Name).ToArray();
        // The analytics row shape leads: the job's account, the currency given, the job's level.
        Assert.Equal(new[] { "AdAccountId", "Currency", "Level", "CAMPAIGN_ID", "DATE", "SPEND_IN_DOLLAR", "IMPRESSION_1" }, properties);
        Assert.Equal(new object[] { "1", "JPY", "CAMPAIGN" }, properties.Take(3).Select(p => rows[0].GetType().GetProperty(p)!.GetValue(rows[0])!).ToArray());
        Assert.Same(rows[0].GetType(), rows[1].GetType());
    }

    [Fact]
    public async Task An_expired_link_is_refreshed_once_and_the_download_retried()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
            .Then(HttpStatusCode.OK, "{\"report_status\":\"FINISHED\",\"url\":\"https://store.example.test/fresh?sig=new\"}")
            .Then(_ => File(Encoding.UTF8.GetBytes(Csv)));
        using var session = TestSessions.Create(wire);
        var rows = await ReadAll(FinishedJob(session));
        Assert.Equal(2, rows.Count);
        var requests = wire.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Contains("token=tok", requests[1].Uri.Query);
        Assert.NotNull(requests[1].Authorization);
        Assert.Equal("/fresh", requests[2].Uri.AbsolutePath);
        Assert.Null(requests[2].Authorization);
    }

    [Fact]
    public async Task A_link_older_than_its_lifetime_is_refreshed_before_use()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.OK, "{\"report_status\":\"FINISHED\",\"url\":\"https://store.example.test/fresh?sig=new\"}")
            .Then(_ => File(Encoding.UTF8.GetBytes(Csv)));
        using var session = TestSessions.Create(wire);
        var stale = FinishedJob(session).WithStatus(ReportStatuses.Finished, new Uri("https://store.example.test/old?sig=x"), null, DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(2, (await ReadAll(stale)).Count);
        Assert.Equal("/fresh", wire.Requests.Last().Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_a_truncated_download()
    {
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++) wire.Then(_ => File(Encoding.UTF8.GetBytes(Csv), declaredLength: Csv.Length + 500));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(FinishedJob(session)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
        Assert.Contains("tok", error.Message);
        Assert.Equal(3, wire.Requests.Count); // tried three times (ApiLimits.MaxDownloadAttempts), then refused
    }

    // The length checks below were LengthCheckedStream's tests; ReportDownload is the one place that
    // checks a download against its stated lengths, so they run against it.

    [Fact]
    public async Task A_trickled_body_shorter_than_its_Content_Length_names_both_lengths()
    {
        byte[] csv = Encoding.UTF8.GetBytes(Csv);
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++)
            wire.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new Reading.ReaderTestHelpers.TrickleStream(csv, 5)) { Headers = { ContentLength = csv.Length + 10 } } });
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(FinishedJob(session)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
        Assert.Contains($"after {csv.Length:N0} of {csv.Length + 10:N0} bytes", error.Message);
    }

    [Fact]
    public async Task A_cut_gzip_body_with_the_whole_files_Content_Length_is_caught_before_any_row()
    {
        byte[] gz = Gzip(Csv);
        byte[] cut = gz.Take(gz.Length - 8).ToArray();
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++) wire.Then(_ => File(cut, declaredLength: gz.Length));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(FinishedJob(session)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
    }

    [Fact]
    public async Task A_gzip_body_of_exactly_its_Content_Length_and_stated_size_reads_fine()
    {
        byte[] gz = Gzip(Csv);
        var wire = new ScriptedHandler().Then(_ => File(gz, declaredLength: gz.Length));
        using var session = TestSessions.Create(wire);
        Assert.Equal(2, (await ReadAll(FinishedJob(session, size: gz.Length))).Count);
    }

    [Fact]
    public async Task A_connection_broken_short_of_its_Content_Length_is_a_truncated_download()
    {
        // What HttpClient does when the server closes early: an IOException mid-body.
        byte[] csv = Encoding.UTF8.GetBytes(Csv);
        var wire = new ScriptedHandler();
        for (int i = 0; i < 3; i++)
            wire.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TestStreams.Unsized(csv, resetAfter: 30)) { Headers = { ContentLength = csv.Length } } });
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(FinishedJob(session)));
        Assert.Equal("ReportDownloadTruncated", error.ErrorId);
        Assert.Contains($"after 30 of {csv.Length:N0} bytes", error.Message);
        Assert.Equal(3, wire.Requests.Count);
    }

    [Fact]
    public async Task A_body_longer_than_its_Content_Length_is_an_error()
    {
        byte[] csv = Encoding.UTF8.GetBytes(Csv);
        var wire = new ScriptedHandler().Then(_ => File(csv, declaredLength: csv.Length - 1));
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReadAll(FinishedJob(session)));
        // Longer than stated stops at the length as a cap (nothing past it is read): the download size cap's error.
        Assert.Equal("ReportDownloadTooLarge", error.ErrorId);
        Assert.Single(wire.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Gzip_is_undone_whether_or_not_Content_Encoding_says_so(bool declared)
    {
        var wire = new ScriptedHandler().Then(_ => File(Gzip(Csv), contentEncodingGzip: declared));
        using var session = TestSessions.Create(wire);
        Assert.Equal(2, (await ReadAll(FinishedJob(session))).Count);
    }

    [Fact]
    public async Task A_stalled_body_ends_with_a_typed_error()
    {
        var wire = new ScriptedHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TestStreams.Stalling(Encoding.UTF8.GetBytes("CAMPAIGN_ID,DATE\n"))) });
        using var session = TestSessions.Create(wire);
        // The whole file is fetched before any row is read, so the stall ends the download itself.
        var error = await Assert.ThrowsAsync<PinterestException>(() => ReportDownload.OpenAsync(FinishedJob(session), TimeSpan.FromMilliseconds(300), NullPinLog.Instance, default, default));
        Assert.Equal("ReportDownloadStalled", error.ErrorId);
    }

    [Fact]
    public async Task Json_reports_keyed_by_entity_id_read_into_the_same_shape_as_csv()
    {
        const string json = "{\"11\":[{\"CAMPAIGN_ID\":\"11\",\"DATE\":\"2026-01-01\",\"SPEND_IN_DOLLAR\":1.5,\"IMPRESSION_1\":10}],\"12\":[{\"CAMPAIGN_ID\":\"12\",\"DATE\":\"2026-01-01\",\"IMPRESSION_1\":3}]}";
        var wire = new ScriptedHandler().Then(_ => File(Encoding.UTF8.GetBytes(json))).Then(_ => File(Encoding.UTF8.GetBytes(Csv)));
        using var session = TestSessions.Create(wire);
        var fromJson = await ReadAll(FinishedJob(session, ReportFormat.Json));
        var fromCsv = await ReadAll(FinishedJob(session));
        Assert.Same(fromJson[0].GetType(), fromCsv[0].GetType());
        var spend = fromJson[1].GetType().GetProperty("SPEND_IN_DOLLAR")!;
        Assert.Equal(0m, Convert.ToDecimal(spend.GetValue(fromJson[1])));
    }

    [Fact]
    public async Task A_json_report_whose_columns_are_unknown_still_reads_every_key()
    {
        const string json = "{\"11\":[{\"CAMPAIGN_ID\":\"11\",\"DATE\":\"2026-01-01\",\"IMPRESSION_1\":10}],\"12\":[{\"CAMPAIGN_ID\":\"12\",\"DATE\":\"2026-01-01\",\"SPEND_IN_DOLLAR\":2.5}]}";
        var wire = new ScriptedHandler().Then(_ => File(Encoding.UTF8.GetBytes(json)));
        using var session = TestSessions.Create(wire);
        var job = new ReportJob(session, "1", "tok", ReportJobKind.Analytics, ReportStatuses.InProgress, ReportFormat.Json, DateTimeOffset.UtcNow)
            .WithStatus(ReportStatuses.Finished, new Uri("https://store.example.test/r"), json.Length, DateTimeOffset.UtcNow);
        var rows = await ReadAll(job);
        var names = rows[0].GetType().GetProperties().Select(p => p.Name).ToArray();
        Assert.Contains("IMPRESSION_1", names);
        Assert.Contains("SPEND_IN_DOLLAR", names);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void The_entity_id_column_is_found_in_the_file_when_it_has_another_name()
    {
        var session = (PinterestSession?)null;
        var job = new ReportJob(session, "1", "t", ReportJobKind.Analytics, "FINISHED", ReportFormat.Csv, DateTimeOffset.UtcNow) { Level = "PIN_PROMOTION" };
        Assert.Equal("AD_ID", ReportRows.DetectEntityIdColumn(job, "AD_ID,DATE,SPEND_IN_DOLLAR\n1,2"));
        Assert.Equal("PIN_PROMOTION_ID", ReportRows.DetectEntityIdColumn(job, "PIN_PROMOTION_ID,AD_ID,DATE\n"));
    }

    [Fact]
    public async Task A_truncated_download_leaves_no_file_and_no_partial_file()
    {
        var folder = Directory.CreateTempSubdirectory("pin-report-test").FullName;
        try
        {
            var wire = new ScriptedHandler();
            for (int i = 0; i < 3; i++) wire.Then(_ => File(Encoding.UTF8.GetBytes(Csv), declaredLength: Csv.Length + 10));
            wire.Then(_ => File(Encoding.UTF8.GetBytes(Csv)));
            using var session = TestSessions.Create(wire);
            var path = Path.Combine(folder, "r.csv");
            var error = await Assert.ThrowsAsync<PinterestException>(() => ReportDownload.OpenAsync(FinishedJob(session), Idle, NullPinLog.Instance, default, default));
            Assert.Equal("ReportDownloadTruncated", error.ErrorId);
            Assert.Empty(Directory.GetFiles(folder));
            using (var whole = await ReportDownload.OpenAsync(FinishedJob(session), Idle, NullPinLog.Instance, default, default))
                await ReportFiles.SaveAsync(whole, path, default);
            Assert.Equal(Csv, await System.IO.File.ReadAllTextAsync(path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void Bulk_files_give_one_entity_per_line_or_item()
    {
        const string json = "{\"campaigns\":[{\"id\":\"1\",\"name\":\"A\"}],\"ad_groups\":[{\"id\":\"2\",\"campaign_id\":\"1\"},{\"id\":\"3\"}]}";
        var fromJson = BulkEntityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), ReportFormat.Json, "9").ToList();
        Assert.Equal(new[] { "CAMPAIGN", "AD_GROUP", "AD_GROUP" }, fromJson.Select(e => e.EntityType));
        Assert.Equal("1", fromJson[1].CampaignId);
        const string csv = "entity_type,id,name\nCAMPAIGN,1,\"Spring, \"\"new\"\"\nline\"\nAD,4,x\n";
        var fromCsv = BulkEntityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ReportFormat.Csv, "9").ToList();
        Assert.Equal(2, fromCsv.Count);
        Assert.Equal("Spring, \"new\"\nline", fromCsv[0].Name);
        Assert.Equal("AD", fromCsv[1].EntityType);
    }
}
