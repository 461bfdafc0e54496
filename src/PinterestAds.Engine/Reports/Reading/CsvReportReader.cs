using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
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
    public sealed class CsvReportReader
    {
        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        private readonly RollingBuffer _buffer;
        private readonly ReportReadOptions _options;
        private readonly CsvRecordScanner _scanner = new();
        private RowAssembler? _assembler;
        private int[] _fieldOrdinals = Array.Empty<int>();
        private long _dataRecords;
        private bool _started;

        /// <summary>Creates a reader over a (decompressed) CSV stream.</summary>
        public CsvReportReader(Stream stream, ReportReadOptions? options = null)
        {
            _options = options ?? new ReportReadOptions();
            _buffer = new RollingBuffer(stream, _options.MaxRecordBytes);
        }

        /// <summary>The row columns, known once the header has been read (after the first row is returned).</summary>
        public RowSchema? Schema => _assembler?.Schema;

        /// <summary>Reads rows with blocking reads; cancellation is checked before every read.</summary>
        public IEnumerable<ReportRow> ReadRows(CancellationToken cancellationToken = default)
        {
            BeginOnce();
            var batch = new List<ReportRow>();
            while (true)
            {
                bool more = ParseAvailable(batch);
                foreach (ReportRow row in batch) yield return row;
                batch.Clear();
                if (!more) yield break;
                _buffer.Fill(cancellationToken);
            }
        }

        /// <summary>Reads rows with asynchronous reads; cancellation reaches every read.</summary>
        public async IAsyncEnumerable<ReportRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            BeginOnce();
            var batch = new List<ReportRow>();
            while (true)
            {
                bool more = ParseAvailable(batch);
                foreach (ReportRow row in batch) yield return row;
                batch.Clear();
                if (!more) yield break;
                await _buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private void BeginOnce()
        {
            if (_started) throw new InvalidOperationException("A CsvReportReader reads its stream once; create a new reader.");
            _started = true;
        }

        /// <summary>Parses every complete record buffered. Returns false when the stream is done.</summary>
        private bool ParseAvailable(List<ReportRow> rows)
        {
            while (true)
            {
                if (_assembler is null && !_buffer.IsFinal && _buffer.Length < Utf8Bom.Length) return true;
                if (_assembler is null && _buffer.Available.StartsWith(Utf8Bom)) _buffer.Start += Utf8Bom.Length;

                CsvScanResult result = _scanner.Scan(_buffer.Data, _buffer.Start, _buffer.End, _buffer.IsFinal);
                if (result == CsvScanResult.NeedMoreData) return true;
                if (result == CsvScanResult.EndOfData)
                {
                    if (_assembler is null) throw new ReportFormatException("The CSV report is empty: it has no header row.", 0);
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

                _scanner.UnescapeQuotedFields(_buffer.Data);
                if (!_scanner.IsBlankLine)
                {
                    if (_assembler is null) ReadHeader();
                    else rows.Add(BuildRow());
                }
                _buffer.Start = _scanner.RecordEnd;
            }
        }

        private void ReadHeader()
        {
            var names = new List<string>(_scanner.FieldCount);
            for (int i = 0; i < _scanner.FieldCount; i++)
            {
                string name = Encoding.UTF8.GetString(_buffer.Data, _scanner.FieldStart(i), _scanner.FieldLength(i)).Trim();
                if (name.Length == 0)
                {
                    throw new ReportFormatException($"The CSV header has an empty column name at position {i + 1}.", 0);
                }
                names.Add(name);
            }

            bool includeDate = _options.IncludeDate ?? names.Exists(n => string.Equals(n, RowFields.Date, StringComparison.OrdinalIgnoreCase));
            string? entityId = _options.ResolveEntityIdColumn();
            if (entityId is not null && !names.Exists(n => string.Equals(n, entityId, StringComparison.OrdinalIgnoreCase))) entityId = null;

            RowSchema schema;
            try
            {
                schema = ReportSchemaBuilder.Build(_options, entityId, includeDate, names);
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
            _assembler = new RowAssembler(schema, _options);
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
            RowAssembler assembler = _assembler!;
            assembler.Reset();
            byte[] data = _buffer.Data;
            for (int i = 0; i < _fieldOrdinals.Length; i++)
            {
                assembler.Set(_fieldOrdinals[i], new ReadOnlySpan<byte>(data, _scanner.FieldStart(i), _scanner.FieldLength(i)));
            }
            return assembler.Build();
        }
    }
}
