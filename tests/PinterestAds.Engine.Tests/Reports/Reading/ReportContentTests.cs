using System.IO.Compression;
using System.Text;
using PinterestAds.Engine.Reports.Reading;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

public class ReportContentTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("CAMPAIGN_ID,CTR\n1,0.5\n2,0.25\n");

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    private static string ReadAll(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Plain_content_passes_through_including_the_sniffed_bytes()
    {
        Assert.Equal(Encoding.UTF8.GetString(Csv), ReadAll(ReportContent.OpenDecoded(new TrickleStream(Csv, 1))));
    }

    [Fact]
    public void Gzip_is_detected_by_magic_bytes()
    {
        Assert.Equal(Encoding.UTF8.GetString(Csv), ReadAll(ReportContent.OpenDecoded(new TrickleStream(Gzip(Csv), 1))));
    }

    [Fact]
    public void Double_gzip_is_unpacked_twice()
    {
        Stream decoded = ReportContent.OpenDecoded(new MemoryStream(Gzip(Gzip(Csv))));
        var rows = ReadCsv(decoded);
        Assert.Equal(2, rows.Count);
        Assert.Equal(0.25m, Get(rows[1], "CTR"));
    }

    [Fact]
    public void Tiny_and_empty_content_are_not_mistaken_for_gzip()
    {
        Assert.Equal("x", ReadAll(ReportContent.OpenDecoded(Utf8("x"))));
        Assert.Equal("", ReadAll(ReportContent.OpenDecoded(new MemoryStream())));
    }

    [Fact]
    public void A_body_shorter_than_its_content_length_throws_truncated()
    {
        var stream = new LengthCheckedStream(new TrickleStream(Csv, 5), Csv.Length + 10);
        var error = Assert.Throws<TruncatedDownloadException>(() => ReadCsv(ReportContent.OpenDecoded(stream)));
        Assert.Equal(Csv.Length + 10, error.ExpectedBytes);
        Assert.Equal(Csv.Length, error.ReceivedBytes);
        Assert.IsAssignableFrom<IOException>(error);
    }

    [Fact]
    public void A_truncated_gzip_body_is_caught_before_any_partial_report_is_complete()
    {
        byte[] gz = Gzip(Csv);
        byte[] cut = gz.Take(gz.Length - 8).ToArray();
        var stream = new LengthCheckedStream(new MemoryStream(cut), gz.Length);
        Assert.Throws<TruncatedDownloadException>(() => ReadCsv(ReportContent.OpenDecoded(stream)));
    }

    [Fact]
    public void A_body_of_exactly_the_declared_length_reads_fine()
    {
        var rows = ReadCsv(ReportContent.OpenDecoded(new LengthCheckedStream(new MemoryStream(Gzip(Csv)), Gzip(Csv).Length)));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void A_body_longer_than_declared_is_an_error()
    {
        Assert.Throws<TruncatedDownloadException>(() => ReadAll(new LengthCheckedStream(new MemoryStream(Csv), Csv.Length - 1)));
    }
}
