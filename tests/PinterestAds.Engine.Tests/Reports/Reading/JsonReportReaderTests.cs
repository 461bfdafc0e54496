using System.Text;
using PinterestAds.Engine.Reports.Reading;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

public class JsonReportReaderTests
{
    private const string ById = """
        {
          "626736533506": [
            {"DATE": "2026-01-01", "SPEND_IN_DOLLAR": 12.5, "TOTAL_CLICKTHROUGH": 17, "CAMPAIGN_NAME": "Spring \"big\" sale \u00e9"},
            {"DATE": "2026-01-02", "TOTAL_CLICKTHROUGH": 3}
          ],
          "626736533507": [
            {"DATE": "2026-01-01", "SPEND_IN_DOLLAR": 1}
          ]
        }
        """;

    private static readonly string[] Requested = { "SPEND_IN_DOLLAR", "TOTAL_CLICKTHROUGH", "CAMPAIGN_NAME" };

    [Fact]
    public void Entity_keyed_layout_turns_the_key_into_the_id_column()
    {
        var rows = ReadJson(Utf8(ById), new ReportReadOptions { Level = "CAMPAIGN", Columns = Requested });

        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { "CAMPAIGN_ID", "DATE", "SPEND_IN_DOLLAR", "TOTAL_CLICKTHROUGH", "CAMPAIGN_NAME" }, PropertyNames(rows[0]));
        Assert.Equal("626736533506", Get(rows[0], "CAMPAIGN_ID"));
        Assert.Equal("626736533507", Get(rows[2], "CAMPAIGN_ID"));
        Assert.Equal(new DateTime(2026, 1, 2), Get(rows[1], "DATE"));
        Assert.Equal(12.5m, Get(rows[0], "SPEND_IN_DOLLAR"));
        Assert.Equal(1m, Get(rows[2], "SPEND_IN_DOLLAR"));
        Assert.Equal(17L, Get(rows[0], "TOTAL_CLICKTHROUGH"));
        Assert.Equal("Spring \"big\" sale é", Get(rows[0], "CAMPAIGN_NAME"));
        Assert.All(rows, r => Assert.Same(rows[0].GetType(), r.GetType()));
    }

    [Fact]
    public void Sparse_rows_get_null_or_zero_with_zero_fill()
    {
        var plain = ReadJson(Utf8(ById), new ReportReadOptions { Level = "CAMPAIGN", Columns = Requested });
        var filled = ReadJson(Utf8(ById), new ReportReadOptions { Level = "CAMPAIGN", Columns = Requested, ZeroFill = true });

        Assert.Null(Get(plain[1], "SPEND_IN_DOLLAR"));
        Assert.Null(Get(plain[2], "TOTAL_CLICKTHROUGH"));
        Assert.Equal(0m, Get(filled[1], "SPEND_IN_DOLLAR"));
        Assert.Equal(0L, Get(filled[2], "TOTAL_CLICKTHROUGH"));
        Assert.Null(Get(filled[1], "CAMPAIGN_NAME"));
    }

    [Fact]
    public void Date_keyed_layout_turns_the_key_into_DATE()
    {
        const string json = """{"2026-01-01":[{"CAMPAIGN_ID":"1","CTR":0.25},{"CAMPAIGN_ID":2,"CTR":1E-2}],"2026-01-02":[{"CAMPAIGN_ID":"1"}]}""";
        var rows = ReadJson(Utf8(json), new ReportReadOptions { Level = "CAMPAIGN", Columns = new[] { "CTR" }, JsonLayout = JsonReportLayout.ByDate });

        Assert.Equal(new[] { "CAMPAIGN_ID", "DATE", "CTR" }, PropertyNames(rows[0]));
        Assert.Equal(new DateTime(2026, 1, 1), Get(rows[1], "DATE"));
        Assert.Equal(new DateTime(2026, 1, 2), Get(rows[2], "DATE"));
        Assert.Equal("2", Get(rows[1], "CAMPAIGN_ID")); // a numeric id stays text
        Assert.Equal(0.01m, Get(rows[1], "CTR"));
    }

    [Fact]
    public void Unrequested_keys_become_columns_when_the_stream_can_be_prescanned()
    {
        var rows = ReadJson(Utf8(ById), new ReportReadOptions { Level = "CAMPAIGN", Columns = new[] { "TOTAL_CLICKTHROUGH" } });

        Assert.Equal(new[] { "CAMPAIGN_ID", "DATE", "TOTAL_CLICKTHROUGH", "SPEND_IN_DOLLAR", "CAMPAIGN_NAME" }, PropertyNames(rows[0]));
        Assert.Equal("Spring \"big\" sale é", Get(rows[0], "CAMPAIGN_NAME"));
    }

    [Fact]
    public void An_unrequested_key_on_a_forward_only_stream_stops_with_an_error_naming_it()
    {
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(ById), 4096);
        var error = Assert.Throws<ReportFormatException>(() =>
            ReadJson(stream, new ReportReadOptions { Level = "CAMPAIGN", Columns = new[] { "TOTAL_CLICKTHROUGH", "SPEND_IN_DOLLAR" } }));
        Assert.Equal("CAMPAIGN_NAME", error.Column);
        Assert.Contains("'CAMPAIGN_NAME' that was not requested", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void Tokens_split_across_reads_parse_the_same(int chunk)
    {
        var options = new ReportReadOptions { Level = "CAMPAIGN", Columns = Requested };
        var expected = ReadJson(Utf8(ById), options);
        var trickled = ReadJson(new TrickleStream(Encoding.UTF8.GetBytes(ById), chunk),
            new ReportReadOptions { Level = "CAMPAIGN", Columns = Requested });

        Assert.Equal(expected.Count, trickled.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            foreach (string name in PropertyNames(expected[i])) Assert.Equal(Get(expected[i], name), Get(trickled[i], name));
        }
    }

    [Fact]
    public void Values_larger_than_the_initial_buffer_are_read()
    {
        string longName = new('y', 300_000);
        var rows = ReadJson(Utf8($$"""{"1":[{"CAMPAIGN_NAME":"{{longName}}"}]}"""), new ReportReadOptions { Level = "CAMPAIGN", Columns = new[] { "CAMPAIGN_NAME" } });
        Assert.Equal(longName, Get(rows[0], "CAMPAIGN_NAME"));
    }

    [Fact]
    public void Empty_object_gives_no_rows()
    {
        Assert.Empty(ReadJson(Utf8("{}"), new ReportReadOptions { Level = "CAMPAIGN" }));
    }

    [Fact]
    public void A_truncated_document_is_an_error_not_a_short_report()
    {
        string truncated = ById.Substring(0, ById.IndexOf("626736533507", StringComparison.Ordinal) + 5);
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(truncated), 64);
        Assert.Throws<ReportFormatException>(() => ReadJson(stream, new ReportReadOptions { Level = "CAMPAIGN", Columns = Requested }));
    }

    [Fact]
    public void Nested_values_are_an_error_naming_the_column()
    {
        var error = Assert.Throws<ReportFormatException>(() =>
            ReadJson(Utf8("""{"1":[{"CTR":{"a":1}}]}"""), new ReportReadOptions { Level = "CAMPAIGN", Columns = new[] { "CTR" } }));
        Assert.Equal("CTR", error.Column);
    }

    [Fact]
    public void Entity_keyed_layout_without_level_or_id_column_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => ReadJson(Utf8(ById)));
        Assert.Contains("EntityIdColumn", error.Message);
    }

    [Fact]
    public void A_root_array_of_rows_is_read()
    {
        var rows = ReadJson(Utf8("""[{"CAMPAIGN_ID":"5","CTR":0.5}]"""), new ReportReadOptions { Level = "CAMPAIGN", IncludeDate = false });
        Assert.Equal(new[] { "CAMPAIGN_ID", "CTR" }, PropertyNames(rows[0]));
        Assert.Equal("5", Get(rows[0], "CAMPAIGN_ID"));
    }
}
