using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Streams typed <see cref="ReportRow"/>s from a CSV report (RFC 4180: quoted fields with
    /// commas, line breaks and doubled quotes; CRLF or LF; UTF-8 with or without BOM). The header
    /// gives the columns; see <see cref="ReportSchemaBuilder"/> for their order. Nothing is
    /// buffered beyond the record being parsed.
    /// </summary>
    /// <remarks>
    /// A record whose field count differs from the header stops the read with a
    /// <see cref="ReportFormatException"/>. Blank lines are skipped. One instance reads one stream once.
    /// </remarks>
    public sealed class CsvReportReader : StreamingReportReader
    {
        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        private readonly CsvRecordScanner _scanner = new();
        private int[] _fieldOrdinals = Array.Empty<int>();
        private long _dataRecords;

        /// <summary>Creates a reader over a (decompressed) CSV stream.</summary>
        public CsvReportReader(Stream stream, ReportReadOptions? options = null)
            : base(stream, options)
        {
        }

        private protected override bool ParseAvailable(List<ReportRow> rows)
        {
            while (true)
            {
                if (Assembler is null && !Buffer.IsFinal && Buffer.Length < Utf8Bom.Length) return true;
                if (Assembler is null && Buffer.Available.StartsWith(Utf8Bom)) Buffer.Start += Utf8Bom.Length;

                CsvScanResult result = _scanner.Scan(Buffer.Data, Buffer.Start, Buffer.End, Buffer.IsFinal);
                if (result == CsvScanResult.NeedMoreData) return true;
                if (result == CsvScanResult.EndOfData)
                {
                    if (Assembler is null) throw new ReportFormatException("The CSV report is empty: it has no header row.", 0);
                    return false;
                }
                if (result == CsvScanResult.UnterminatedQuote)
                {
                    throw new ReportFormatException(
                        $"The CSV report ends inside a quoted field (data row {_dataRecords + 1}); the file is truncated or malformed.",
                        _dataRecords + 1);
                }
                if (result == CsvScanResult.TextAfterQuote)
                {
                    throw new ReportFormatException(
                        $"Unexpected character after a closing quote in data row {_dataRecords + 1}; a quoted CSV field must be followed by a comma or a line break.",
                        _dataRecords + 1);
                }

                _scanner.UnescapeQuotedFields(Buffer.Data);
                if (!_scanner.IsBlankLine)
                {
                    if (Assembler is null) ReadHeader();
                    else rows.Add(BuildRow());
                }
                Buffer.Start = _scanner.RecordEnd;
            }
        }

        private void ReadHeader()
        {
            var names = new List<string>(_scanner.FieldCount);
            for (int i = 0; i < _scanner.FieldCount; i++)
            {
                string name = Encoding.UTF8.GetString(Buffer.Data, _scanner.FieldStart(i), _scanner.FieldLength(i)).Trim();
                if (name.Length == 0)
                {
                    throw new ReportFormatException($"The CSV header has an empty column name at position {i + 1}.", 0);
                }
                names.Add(name);
            }

            // A requested column the file does not carry was never delivered: zero-filled, it would read 0 in
            // every row, a number nobody measured. (CSV reports carry every requested column; without
            // zero-fill the column reads $null, which says "not delivered" honestly.)
            if (Options.ZeroFill)
            {
                foreach (string requested in Options.Columns)
                {
                    if (!names.Exists(n => string.Equals(n, requested, StringComparison.OrdinalIgnoreCase)))
                        throw new ReportFormatException(
                            $"The CSV report has no column '{requested}', which was requested; its values were not delivered, and reading them as 0 would be wrong. " +
                            "The file's header has: " + string.Join(",", names) + ".", 0, requested);
                }
            }

            bool includeDate = Options.IncludeDate ?? names.Exists(n => string.Equals(n, RowFields.Date, StringComparison.OrdinalIgnoreCase));
            string? entityId = Options.ResolveEntityIdColumn();
            if (entityId is not null && !names.Exists(n => string.Equals(n, entityId, StringComparison.OrdinalIgnoreCase))) entityId = null;

            RowSchema schema;
            try
            {
                schema = ReportSchemaBuilder.Build(Options, entityId, includeDate, names);
                // Every header name is in the schema; a repeated header name would be lost.
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (string name in names)
                {
                    if (!seen.Add(name)) throw new ArgumentException($"Column '{name}' appears twice in the CSV header.");
                }
            }
            catch (ArgumentException error)
            {
                throw new ReportFormatException("The CSV header cannot be used: " + error.Message, 0, null, error);
            }

            _fieldOrdinals = new int[names.Count];
            for (int i = 0; i < names.Count; i++) _fieldOrdinals[i] = schema.IndexOf(names[i]);
            Assembler = new RowAssembler(schema, Options);
        }

        private ReportRow BuildRow()
        {
            _dataRecords++;
            if (_scanner.FieldCount != _fieldOrdinals.Length)
            {
                throw new ReportFormatException(
                    $"CSV data row {_dataRecords} has {_scanner.FieldCount} fields but the header has {_fieldOrdinals.Length}; refusing to guess which values belong to which column.",
                    _dataRecords);
            }
            RowAssembler assembler = Assembler!;
            assembler.Reset();
            byte[] data = Buffer.Data;
            for (int i = 0; i < _fieldOrdinals.Length; i++)
            {
                assembler.Set(_fieldOrdinals[i], new ReadOnlySpan<byte>(data, _scanner.FieldStart(i), _scanner.FieldLength(i)));
            }
            return assembler.Build();
        }
    }
}
