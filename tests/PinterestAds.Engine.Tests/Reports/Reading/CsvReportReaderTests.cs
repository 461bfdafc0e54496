using System.Text;
using PinterestAds.Engine.Reports.Reading;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

public class CsvReportReaderTests
{
    private const string Sample =
        "SPEND_IN_DOLLAR,CAMPAIGN_ID,DATE,CAMPAIGN_NAME,TOTAL_CLICKTHROUGH\r\n" +
        "12.50,626736533506,2026-01-01,\"Spring, \"\"big\"\" sale\",17\r\n" +
        "0,626736533507,2026-01-02,\"Two\nlines\",0\r\n";

    [Fact]
    public void Reads_typed_rows_with_entity_id_and_date_first()
    {
        var rows = ReadCsv(Utf8(Sample), new ReportReadOptions { Level = "CAMPAIGN" });

        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { "CAMPAIGN_ID", "DATE", "SPEND_IN_DOLLAR", "CAMPAIGN_NAME", "TOTAL_CLICKTHROUGH" }, PropertyNames(rows[0]));
        Assert.Equal("626736533506", Get(rows[0], "CAMPAIGN_ID"));
        Assert.Equal(new DateTime(2026, 1, 1), Get(rows[0], "DATE"));
        Assert.Equal(12.50m, Get(rows[0], "SPEND_IN_DOLLAR"));
        Assert.Equal("Spring, \"big\" sale", Get(rows[0], "CAMPAIGN_NAME"));
        Assert.Equal(17L, Get(rows[0], "TOTAL_CLICKTHROUGH"));
        Assert.Equal("Two\nlines", Get(rows[1], "CAMPAIGN_NAME"));
        Assert.IsAssignableFrom<PinterestAds.ReportRow>(rows[0]);
    }

    [Fact]
    public void Requested_columns_come_in_requested_order_and_unrequested_header_columns_are_kept()
    {
        var options = new ReportReadOptions
        {
            Level = "CAMPAIGN",
            Columns = new[] { "TOTAL_CLICKTHROUGH", "SPEND_IN_DOLLAR", "CTR" },
        };
        var rows = ReadCsv(Utf8(Sample), options);

        Assert.Equal(
            new[] { "CAMPAIGN_ID", "DATE", "TOTAL_CLICKTHROUGH", "SPEND_IN_DOLLAR", "CTR", "CAMPAIGN_NAME" },
            PropertyNames(rows[0]));
        Assert.Null(Get(rows[0], "CTR")); // requested but absent from the file: still a property
    }

    [Fact]
    public void Lf_line_endings_bom_and_missing_final_newline_are_tolerated()
    {
        byte[] bom = { 0xEF, 0xBB, 0xBF };
        byte[] body = Encoding.UTF8.GetBytes("CAMPAIGN_ID,SPEND_IN_MICRO_DOLLAR\n1,1500000\n2,7");
        var rows = ReadCsv(new MemoryStream(bom.Concat(body).ToArray()));

        Assert.Equal(new[] { "CAMPAIGN_ID", "SPEND_IN_MICRO_DOLLAR" }, PropertyNames(rows[0]));
        Assert.Equal(1500000L, Get(rows[0], "SPEND_IN_MICRO_DOLLAR"));
        Assert.Equal(7L, Get(rows[1], "SPEND_IN_MICRO_DOLLAR"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Records_split_across_reads_at_any_byte_parse_the_same(int chunk)
    {
        byte[] data = Encoding.UTF8.GetBytes("\uFEFF" + Sample.Replace("Spring", "Café ☕ Spring"));
        var expected = ReadCsv(new MemoryStream(data));
        var trickled = ReadCsv(new TrickleStream(data, chunk));

        Assert.Equal(expected.Count, trickled.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            foreach (string name in PropertyNames(expected[i]))
            {
                Assert.Equal(Get(expected[i], name), Get(trickled[i], name));
            }
        }
        Assert.Equal("Café ☕ Spring, \"big\" sale", Get(trickled[0], "CAMPAIGN_NAME"));
    }

    [Fact]
    public void Records_larger_than_the_initial_buffer_are_read()
    {
        string longName = new('x', 200_000);
        var rows = ReadCsv(Utf8($"CAMPAIGN_ID,CAMPAIGN_NAME\n1,\"{longName}\"\n2,short\n"));
        Assert.Equal(longName, Get(rows[0], "CAMPAIGN_NAME"));
        Assert.Equal("short", Get(rows[1], "CAMPAIGN_NAME"));
    }

    [Fact]
    public void Empty_fields_are_null_or_zero_with_zero_fill()
    {
        const string csv = "CAMPAIGN_ID,SPEND_IN_DOLLAR,TOTAL_CLICKTHROUGH,CAMPAIGN_NAME\n1,,,\n";
        var plain = ReadCsv(Utf8(csv)).Single();
        var filled = ReadCsv(Utf8(csv), new ReportReadOptions { ZeroFill = true }).Single();

        Assert.Null(Get(plain, "SPEND_IN_DOLLAR"));
        Assert.Null(Get(plain, "TOTAL_CLICKTHROUGH"));
        Assert.Equal(0m, Get(filled, "SPEND_IN_DOLLAR"));
        Assert.Equal(0L, Get(filled, "TOTAL_CLICKTHROUGH"));
        Assert.Null(Get(filled, "CAMPAIGN_NAME"));
    }

    [Fact]
    public void Rows_share_one_type_per_report()
    {
        var rows = ReadCsv(Utf8(Sample));
        Assert.Same(rows[0].GetType(), rows[1].GetType());
    }

    [Fact]
    public void Account_currency_and_level_lead_when_asked()
    {
        var options = new ReportReadOptions { Level = "CAMPAIGN", AdAccountId = "549755885175", Currency = "JPY", EmitAccountAndLevel = true };
        var row = ReadCsv(Utf8(Sample), options)[0];
        Assert.Equal(new[] { "AdAccountId", "Currency", "Level", "CAMPAIGN_ID", "DATE" }, PropertyNames(row).Take(5));
        Assert.Equal("549755885175", Get(row, "AdAccountId"));
        Assert.Equal("JPY", Get(row, "Currency"));
        Assert.Equal("CAMPAIGN", Get(row, "Level"));
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_is_an_error_naming_the_row()
    {
        var error = Assert.Throws<ReportFormatException>(() => ReadCsv(Utf8("CAMPAIGN_ID,CTR\n1,0.5\n2\n")));
        Assert.Equal(2, error.RecordNumber);
        Assert.Contains("data row 2 has 1 fields but the header has 2", error.Message);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error()
    {
        var error = Assert.Throws<ReportFormatException>(() => ReadCsv(Utf8("CAMPAIGN_ID,CAMPAIGN_NAME\n1,\"open\n")));
        Assert.Contains("inside a quoted field", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Throws<ReportFormatException>(() => ReadCsv(new MemoryStream()));
    }

    [Fact]
    public void Header_only_gives_no_rows()
    {
        Assert.Empty(ReadCsv(Utf8("CAMPAIGN_ID,CTR\r\n")));
    }

    [Fact]
    public void Duplicate_header_columns_are_an_error()
    {
        var error = Assert.Throws<ReportFormatException>(() => ReadCsv(Utf8("CTR,ctr\n1,2\n")));
        Assert.Contains("twice", error.Message);
    }

    [Fact]
    public void Cancellation_is_honoured_between_reads()
    {
        var builder = new StringBuilder("CAMPAIGN_ID,CTR\n");
        for (int i = 0; i < 100_000; i++) builder.Append(i).Append(",0.5\n");
        using var cancellation = new CancellationTokenSource();
        int seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in new CsvReportReader(Utf8(builder.ToString())).ReadRows(cancellation.Token))
            {
                if (++seen == 10) cancellation.Cancel();
            }
        });
        Assert.True(seen < 100_000);
    }

    [Fact]
    public void Reading_ahead_on_a_worker_matches_sync_reading()
    {
        // Production reads a verified file's rows ahead on a worker (ReadAheadRows), not with async reads.
        var rows = ReadAheadRows.Of(new CsvReportReader(Utf8(Sample)).ReadRows(), CancellationToken.None).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Two\nlines", Get(rows[1], "CAMPAIGN_NAME"));
    }
}
