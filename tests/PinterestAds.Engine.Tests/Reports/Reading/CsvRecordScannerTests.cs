using System.Text;
using PinterestAds.Engine.Reports.Reading;
using Xunit;

namespace PinterestAds.Engine.Tests.Reports.Reading;

/// <summary>
/// The record scanner's fast path for plain records (no quote, no bare carriage return), the shape check's comma
/// count, must give exactly what the field-by-field scan gives wherever it answers, on crafted and on random bytes;
/// everything else is left to the scan.
/// </summary>
public class CsvRecordScannerTests
{
    // Each record as the scan reads it, and as the fast path measures it where it answers. Bytes 0xAC (a comma with
    // the high bit set) and UTF-8 letters must not count as commas. Returns how many records the fast path took.
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
    public void The_fast_path_measures_records_as_the_scan_does(string csv) =>
        Assert.True(AssertAgreesWithTheScanner(Encoding.UTF8.GetBytes(csv)) > 0, "no record took the fast path");

    [Fact]
    public void The_fast_path_agrees_with_the_scan_on_random_bytes()
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
    public void Quoted_and_unfinished_records_are_left_to_the_scan()
    {
        byte[] quoted = Encoding.UTF8.GetBytes("1,\"a,b\",3\n");
        byte[] unfinished = Encoding.UTF8.GetBytes("1,2,3");
        byte[] bareReturn = Encoding.UTF8.GetBytes("1,2\r3\n");
        Assert.False(CsvRecordScanner.TryMeasurePlainRecord(quoted, 0, quoted.Length, out _, out _, out _));
        Assert.False(CsvRecordScanner.TryMeasurePlainRecord(unfinished, 0, unfinished.Length, out _, out _, out _));
        Assert.False(CsvRecordScanner.TryMeasurePlainRecord(bareReturn, 0, bareReturn.Length, out _, out _, out _));
    }
}
