using System.IO.Compression;
using PinterestAds.Emulator.Metrics;

namespace PinterestAds.Emulator.Reports;

/// <summary>
/// Streams rows from the row source to a stream in one of the <see cref="RowFormat"/>s, writing UTF-8
/// directly into a buffer and flushing it in 64 KiB chunks: a million-row report never sits in memory.
/// </summary>
internal static class ReportRowWriter
{
    private const int FlushThreshold = 60 * 1024;

    public static async Task<long> WriteAsync(Stream output, IEnumerable<ReportRow> rows, ReportQuery query, RowFormat format, CancellationToken ct)
    {
        var buffer = new Utf8Buffer();
        long written = 0;
        var columns = query.Columns;
        var idColumn = query.EntityIdColumn;
        var rules = columns.Select(ColumnModel.Instance.Rule).ToArray();
        // Columns repeating the row key are not written twice.
        var skip = columns.Select(c => c == idColumn || c == "DATE").ToArray();
        string? currentKey = null;
        var first = true;

        switch (format)
        {
            case RowFormat.SyncArray or RowFormat.ExpectedRows: buffer.Byte((byte)'['); break;
            case RowFormat.SyncTargeting: buffer.Ascii("{\"data\":["); break;
            case RowFormat.AsyncJson: buffer.Byte((byte)'{'); break;
            case RowFormat.Csv: WriteCsvHeader(buffer, query, skip); break;
        }

        foreach (var row in rows)
        {
            switch (format)
            {
                case RowFormat.SyncArray:
                case RowFormat.ExpectedRows:
                    if (!first) buffer.Byte((byte)',');
                    WriteJsonRow(buffer, row, idColumn, rules, skip, format == RowFormat.ExpectedRows ? TargetingKeys.LowerCase : TargetingKeys.None);
                    break;
                case RowFormat.SyncTargeting:
                    if (!first) buffer.Byte((byte)',');
                    buffer.Ascii("{\"targeting_type\":");
                    buffer.JsonString(row.TargetingType ?? "");
                    buffer.Ascii(",\"targeting_value\":");
                    buffer.JsonString(row.TargetingValue ?? "");
                    buffer.Ascii(",\"metrics\":");
                    WriteJsonRow(buffer, row, idColumn, rules, skip, TargetingKeys.None);
                    buffer.Byte((byte)'}');
                    break;
                case RowFormat.AsyncJson:
                    var key = query.SortByDate ? row.Date ?? query.Start.ToString("yyyy-MM-dd") : row.EntityId;
                    if (key != currentKey)
                    {
                        if (currentKey is not null) buffer.Ascii("],");
                        buffer.JsonString(key);
                        buffer.Ascii(":[");
                        currentKey = key;
                    }
                    else buffer.Byte((byte)',');
                    WriteJsonRow(buffer, row, idColumn, rules, skip, TargetingKeys.UpperCase);
                    break;
                case RowFormat.Csv:
                    WriteCsvRow(buffer, row, query, rules, skip);
                    break;
            }
            first = false;
            if (buffer.Length >= FlushThreshold)
            {
                written += buffer.Length;
                await output.WriteAsync(buffer.Written, ct).ConfigureAwait(false);
                buffer.Clear();
            }
        }

        switch (format)
        {
            case RowFormat.SyncArray or RowFormat.ExpectedRows: buffer.Byte((byte)']'); break;
            case RowFormat.SyncTargeting: buffer.Ascii("]}"); break;
            case RowFormat.AsyncJson: buffer.Ascii(currentKey is null ? "}" : "]}"); break;
        }
        written += buffer.Length;
        await output.WriteAsync(buffer.Written, ct).ConfigureAwait(false);
        return written;
    }

    /// <summary>Writes the whole report, gzip-compressed when asked, and returns the bytes it produced.</summary>
    public static async Task<long> WriteFileAsync(Stream output, IEnumerable<ReportRow> rows, ReportQuery query, RowFormat format, bool gzip, CancellationToken ct)
    {
        if (!gzip) return await WriteAsync(output, rows, query, format, ct).ConfigureAwait(false);
        var counter = new CountingStream(output);
        await using (var zip = new GZipStream(counter, CompressionLevel.Fastest, leaveOpen: true))
        {
            await WriteAsync(zip, rows, query, format, ct).ConfigureAwait(false);
        }
        return counter.BytesWritten;
    }

    private enum TargetingKeys { None, LowerCase, UpperCase }

    private static void WriteJsonRow(Utf8Buffer b, ReportRow row, string idColumn, ColumnRule[] rules, bool[] skip, TargetingKeys targeting)
    {
        b.Byte((byte)'{');
        b.Byte((byte)'"');
        b.Ascii(idColumn);
        b.Ascii("\":");
        b.JsonString(row.EntityId);
        if (targeting != TargetingKeys.None && row.TargetingType is not null)
        {
            b.Ascii(targeting == TargetingKeys.LowerCase ? ",\"targeting_type\":" : ",\"TARGETING_TYPE\":");
            b.JsonString(row.TargetingType);
            b.Ascii(targeting == TargetingKeys.LowerCase ? ",\"targeting_value\":" : ",\"TARGETING_VALUE\":");
            b.JsonString(row.TargetingValue ?? "");
        }
        if (row.Date is not null)
        {
            b.Ascii(",\"DATE\":\"");
            b.Ascii(row.Date);
            b.Byte((byte)'"');
        }
        for (var i = 0; i < rules.Length; i++)
        {
            if (skip[i]) continue;
            ref readonly var cell = ref row.Cells[i];
            if (cell.Kind == CellKind.Absent || (rules[i].IsMetric && cell.IsZero)) continue; // sparse
            b.Ascii(",\"");
            b.Ascii(rules[i].Name);
            b.Ascii("\":");
            WriteJsonCell(b, cell);
        }
        b.Byte((byte)'}');
    }

    private static void WriteJsonCell(Utf8Buffer b, in Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Integer: b.Integer(cell.Integer); break;
            case CellKind.Decimal: b.Decimal(cell.Decimal); break;
            case CellKind.Boolean: b.Ascii(cell.Integer != 0 ? "true" : "false"); break;
            case CellKind.Text: b.JsonString(cell.Text!); break;
            default: b.Ascii("null"); break;
        }
    }

    private static void WriteCsvHeader(Utf8Buffer b, ReportQuery query, bool[] skip)
    {
        b.Ascii(query.EntityIdColumn);
        if (query.IsTargeting) b.Ascii(",TARGETING_TYPE,TARGETING_VALUE");
        if (query.Granularity != "TOTAL") b.Ascii(",DATE");
        for (var i = 0; i < query.Columns.Count; i++)
        {
            if (skip[i]) continue;
            b.Byte((byte)',');
            b.Ascii(query.Columns[i]);
        }
        b.Byte((byte)'\n');
    }

    private static void WriteCsvRow(Utf8Buffer b, ReportRow row, ReportQuery query, ColumnRule[] rules, bool[] skip)
    {
        b.CsvString(row.EntityId);
        if (query.IsTargeting)
        {
            b.Byte((byte)',');
            b.CsvString(row.TargetingType ?? "");
            b.Byte((byte)',');
            b.CsvString(row.TargetingValue ?? "");
        }
        if (row.Date is not null)
        {
            b.Byte((byte)',');
            b.Ascii(row.Date);
        }
        for (var i = 0; i < rules.Length; i++)
        {
            if (skip[i]) continue;
            b.Byte((byte)',');
            ref readonly var cell = ref row.Cells[i];
            switch (cell.Kind)
            {
                case CellKind.Integer: b.Integer(cell.Integer); break;
                case CellKind.Decimal: b.Decimal(cell.Decimal); break;
                case CellKind.Boolean: b.Ascii(cell.Integer != 0 ? "true" : "false"); break;
                case CellKind.Text: b.CsvString(cell.Text!); break;
                default:
                    if (rules[i].IsMetric) b.Byte((byte)'0'); // zero-fill metrics
                    break;
            }
        }
        b.Byte((byte)'\n');
    }
}

/// <summary>Passes writes through and counts the bytes.</summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream? _inner;

    public CountingStream(Stream? inner) => _inner = inner;

    public long BytesWritten { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => BytesWritten;
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    public override void Flush() => _inner?.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner?.FlushAsync(cancellationToken) ?? Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        BytesWritten += count;
        _inner?.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BytesWritten += buffer.Length;
        if (_inner is not null) await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
