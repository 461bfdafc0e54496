using System.Text;
using PinterestAds.Engine.Reports.Reading;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

/// <summary>
/// The CSV shape check (plain records measured on the scanner's fast path, see <see cref="CsvRecordScannerTests"/>)
/// accepts and refuses the same files as a field-by-field scan.
/// </summary>
public class ReportShapeCheckTests
{
    private static long Verify(string csv) =>
        ReportShapeCheck.VerifyAsync(new TrickleStream(Encoding.UTF8.GetBytes(csv), 7), ReportFormat.Csv, default).GetAwaiter().GetResult();

    [Fact]
    public void Plain_quoted_and_crlf_files_pass_and_count_their_rows()
    {
        Assert.Equal(2, Verify("AD_ID,DATE,SPEND_IN_DOLLAR\n1,2026-01-01,0.5\n2,2026-01-02,1.25\n"));
        Assert.Equal(3, Verify("a,b,c\r\n1,2,3\r\n\r\n4,\"5,5\",6\r\n7,8,9"));
        var many = new StringBuilder("A,B,C,D,E,F,G,H,I,J,K\n");
        for (int i = 0; i < 5000; i++) many.Append(i).Append(",1,2,3,4,5,6,7,8,9,").Append(i % 7).Append('\n');
        Assert.Equal(5000, Verify(many.ToString()));
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5\n", "data row 2 has 2 fields but the header has 3")]
    [InlineData("a,b,c\n1,2,3\n4,5,6,7\n", "data row 2 has 4 fields but the header has 3")]
    [InlineData("a,b\n1,\"2\n", "ends inside a quoted field")]
    [InlineData("", "empty")]
    public void Cut_or_malformed_files_are_refused(string csv, string message)
    {
        var error = Assert.Throws<ReportFormatException>(() => Verify(csv));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Endless_blank_lines_are_refused()
    {
        var error = Assert.Throws<ReportFormatException>(() => Verify("a,b\n1,2\n" + new string('\n', (int)Api.ApiLimits.MaxBlankLinesInARow + 1)));
        Assert.Contains("blank-line cap", error.Message);
    }
}
