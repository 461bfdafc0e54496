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
}
