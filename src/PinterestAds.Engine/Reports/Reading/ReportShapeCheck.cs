using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// One pass over a whole downloaded report, before any row is read from it, that proves the file is
    /// whole in shape (the download runs it on the bytes as they arrive, so it costs no second pass): a CSV has a header and every record the header's field count (no quote left open,
    /// no endless blank lines); a JSON report is exactly one object of row arrays (or one array of rows)
    /// of flat objects, with nothing after it. No values are parsed, so the pass is cheap next to reading.
    /// Throws <see cref="ReportFormatException"/>; returns the number of data records.
    /// </summary>
    internal static class ReportShapeCheck
    {
        public static Task<long> VerifyAsync(Stream decoded, ReportFormat format, CancellationToken cancellationToken) =>
            format == ReportFormat.Csv ? VerifyCsvAsync(decoded, cancellationToken) : VerifyJsonAsync(decoded, cancellationToken);

        private static async Task<long> VerifyCsvAsync(Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new RollingBuffer(stream, ApiLimits.MaxReportRecordBytes);
            var scanner = new CsvRecordScanner();
            int headerFields = -1;
            long records = 0;
            int blankInARow = 0;
            while (true)
            {
                int fieldCount, recordEnd;
                bool blank;
                // Plain records (nearly all) are measured without locating fields; the scanner decides the rest.
                if (CsvRecordScanner.TryMeasurePlainRecord(buffer.Data, buffer.Start, buffer.End, out fieldCount, out int lineLength, out recordEnd))
                {
                    blank = lineLength == 0;
                }
                else
                {
                    var result = scanner.Scan(buffer.Data, buffer.Start, buffer.End, buffer.IsFinal);
                    switch (result)
                    {
                        case CsvScanResult.NeedMoreData:
                            await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
                            continue;
                        case CsvScanResult.EndOfData:
                            if (headerFields < 0) throw new ReportFormatException("The CSV report is empty: it has no header row.", 0);
                            return records;
                        case CsvScanResult.UnterminatedQuote:
                            throw new ReportFormatException($"The CSV report ends inside a quoted field (data row {records + 1}); the file is truncated or malformed.", records + 1);
                        case CsvScanResult.TextAfterQuote:
                            throw new ReportFormatException($"Unexpected character after a closing quote in data row {records + 1}.", records + 1);
                    }
                    fieldCount = scanner.FieldCount;
                    blank = scanner.IsBlankLine;
                    recordEnd = scanner.RecordEnd;
                }
                if (blank)
                {
                    if (++blankInARow > ApiLimits.MaxBlankLinesInARow)
                        throw new ReportFormatException(
                            $"The CSV report has more than {ApiLimits.MaxBlankLinesInARow} blank lines in a row after data row {records} (the blank-line cap); it is not a report.", records);
                }
                else
                {
                    blankInARow = 0;
                    if (headerFields < 0) headerFields = fieldCount;
                    else
                    {
                        records++;
                        if (fieldCount != headerFields)
                            throw new ReportFormatException(
                                $"CSV data row {records} has {fieldCount} fields but the header has {headerFields}; the file is cut or malformed.", records);
                    }
                }
                buffer.Start = recordEnd;
            }
        }

        private static async Task<long> VerifyJsonAsync(Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new RollingBuffer(stream, ApiLimits.MaxReportRecordBytes);
            var scan = new JsonScan { State = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow }) };
            while (true)
            {
                ScanJson(buffer, scan);
                if (buffer.IsFinal)
                {
                    if (!scan.RootSeen) throw new ReportFormatException("The JSON report is empty: expected an object of row arrays.", 0);
                    if (!scan.RootDone) throw new ReportFormatException($"The JSON report ends before the document is complete (after data row {scan.Rows}); the file is truncated.", scan.Rows);
                    return scan.Rows;
                }
                await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Where the JSON pass is between refills.</summary>
        private sealed class JsonScan
        {
            public JsonReaderState State;
            public bool RootIsArray;
            public bool RootSeen;
            public bool RootDone;
            public long Rows;
        }

        // The tokens buffered so far (a reader cannot live across an await).
        private static void ScanJson(RollingBuffer buffer, JsonScan scan)
        {
            bool rootIsArray = scan.RootIsArray;
            bool rootSeen = scan.RootSeen;
            bool rootDone = scan.RootDone;
            long rows = scan.Rows;
            var reader = new Utf8JsonReader(buffer.Available, buffer.IsFinal, scan.State);
            try
            {
                while (reader.Read())
                {
                    if (rootDone) throw new ReportFormatException("The JSON report has content after its root value (two documents, or garbage); it is not one report.", rows);
                    int depth = reader.CurrentDepth;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            if (depth == 0) { rootSeen = true; rootIsArray = false; }
                            else if (depth == (rootIsArray ? 1 : 2)) rows++;
                            else throw Shape(rows, "a nested or misplaced object");
                            break;
                        case JsonTokenType.StartArray:
                            if (depth == 0) { rootSeen = true; rootIsArray = true; }
                            else if (depth != 1 || rootIsArray) throw Shape(rows, "a nested or misplaced array");
                            break;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            if (depth == 0) rootDone = true;
                            break;
                        case JsonTokenType.PropertyName:
                            break;
                        default:
                            if (depth == 0) throw Shape(rows, $"a bare {reader.TokenType.ToString().ToLowerInvariant()} instead of an object of row arrays");
                            if (depth == 1) throw Shape(rows, "a group whose value is not an array of rows");
                            if (depth != (rootIsArray ? 2 : 3)) throw Shape(rows, "a value outside a row");
                            break;
                    }
                }
            }
            catch (JsonException error)
            {
                throw new ReportFormatException($"The JSON report is malformed near data row {rows + 1}: {error.Message}", rows + 1, null, error);
            }
            buffer.Start += (int)reader.BytesConsumed;
            scan.State = reader.CurrentState;
            scan.RootIsArray = rootIsArray;
            scan.RootSeen = rootSeen;
            scan.RootDone = rootDone;
            scan.Rows = rows;
        }

        private static ReportFormatException Shape(long rows, string what) =>
            new ReportFormatException($"The JSON report has {what} (near data row {rows + 1}); expected {{\"<key>\": [{{row}}, ...]}} or [{{row}}, ...].", rows + 1);
    }
}
