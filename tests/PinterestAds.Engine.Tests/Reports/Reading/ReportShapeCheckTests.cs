using System.Text;
using PinterestAds.Engine.Reports.Reading;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

/// <summary>
/// The CSV shape check measures plain records on a fast path (commas counted a word at a time, no field located):
/// wherever that path answers, it must answer exactly what the record scanner finds, and the check as a whole
/// must accept and refuse the same files as before.
/// </summary>
public class ReportShapeCheckTests
{
    private static long Verify(string csv) =>
        ReportShapeCheck.VerifyAsync(new TrickleStream(Encoding.UTF8.GetBytes(csv), 7), ReportFormat.Csv, default).GetAwaiter().GetResult();

    // Every record the fast path measures, the scanner measures the same (fields, record end, blank); records it
    // leaves alone are the scanner's. Bytes 0xAC (a comma with the high bit set) and UTF-8 letters must not count.
    private static int AssertAgreesWithTheScanner(byte[] data)
    {
        var scanner = new CsvRecordScanner();
        int start = 0, measured = 0;
        while (start < data.Length)
        {
            var result = scanner.Scan(data, start, data.Length, isFinal: true);
            if (result != CsvScanResult.Record) break;
            if (CsvRecordScanner.TryMeasurePlainRecord(data, start, data.Length, out int fields, out int lineLength, out int recordEnd))
            {
                measured++;
                Assert.Equal(scanner.FieldCount, fields);
                Assert.Equal(scanner.RecordEnd, recordEnd);
                Assert.Equal(scanner.IsBlankLine, lineLength == 0);
            }
            start = scanner.RecordEnd;
        }
        return measured;
    }

    [Theory]
    [InlineData("AD_ID,DATE,SPEND_IN_DOLLAR\n1,2026-01-01,0.5\n2,2026-01-02,1.25\n")]
    [InlineData("a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n")]
    [InlineData("a,b\n\n\n1,2")]
    [InlineData("a,b\r1,2\r\n3,4\n")]
    [InlineData("a,\"b,c\",d\n1,\"x\"\"y\",3\n,,\n")]
    [InlineData(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n,,,,,,,,\n,\n")]
    [InlineData("Caf\u00e9,na\u00efve,\u00ac,\u00ec\n\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9,1\n")]
    public void The_fast_path_measures_records_as_the_scanner_does(string csv) =>
        Assert.True(AssertAgreesWithTheScanner(Encoding.UTF8.GetBytes(csv)) > 0, "no record took the fast path");

    [Fact]
    public void The_fast_path_agrees_with_the_scanner_on_random_bytes()
    {
        // Commas, their high-bit twin, quotes, both line breaks and letters, at every alignment.
        byte[] alphabet = { (byte)',', 0xAC, (byte)'"', (byte)'\r', (byte)'\n', (byte)'a', (byte)'0', 0x2D, 0x6C };
        var random = new Random(15);
        int measured = 0;
        for (int round = 0; round < 2000; round++)
        {
            var data = new byte[random.Next(1, 200)];
            for (int i = 0; i < data.Length; i++) data[i] = alphabet[random.Next(alphabet.Length)];
            measured += AssertAgreesWithTheScanner(data);
        }
        Assert.True(measured > 1000, $"only {measured} records took the fast path");
    }

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
