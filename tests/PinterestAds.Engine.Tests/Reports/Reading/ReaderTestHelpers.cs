using System.Text;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Tests.Reports.Reading;

internal static class ReaderTestHelpers
{
    public static object? Get(object row, string property) =>
        (row.GetType().GetProperty(property) ?? throw new Xunit.Sdk.XunitException($"Row has no property '{property}'.")).GetValue(row);

    public static string[] PropertyNames(object row) =>
        row.GetType().GetProperties().Select(p => p.Name).ToArray();

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A stream that hands out at most a few bytes per read and cannot seek, like a slow network body.</summary>
    public sealed class TrickleStream(byte[] data, int chunk) : Support.TestStreams.ForwardOnly
    {
        private int _position;
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, chunk), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }

    public static List<PinterestAds.ReportRow> ReadCsv(Stream stream, ReportReadOptions? options = null) =>
        new CsvReportReader(stream, options).ReadRows().ToList();

    public static List<PinterestAds.ReportRow> ReadJson(Stream stream, ReportReadOptions? options = null) =>
        new JsonReportReader(stream, options).ReadRows().ToList();
}
