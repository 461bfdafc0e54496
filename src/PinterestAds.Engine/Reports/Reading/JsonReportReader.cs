using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Streams typed <see cref="ReportRow"/>s from a JSON report with <see cref="Utf8JsonReader"/>
    /// over a rolling buffer (the document is never loaded whole). Layouts:
    /// <c>{"&lt;entity id&gt;":[{row},...],...}</c> (BY_ID), <c>{"&lt;date&gt;":[{row},...],...}</c>
    /// (BY_DATE), and a plain array of rows. The group key becomes the entity id column or
    /// <c>DATE</c>; a value the row itself carries for that column wins.
    /// </summary>
    /// <remarks>
    /// JSON rows are sparse, so the columns cannot be learned from the first row. The schema is
    /// the requested columns (plus the key column and DATE). Keys nobody requested are never
    /// dropped: when the stream is seekable and <see cref="ReportReadOptions.PreScanJsonKeys"/>
    /// is on, a first pass collects every row key and they become extra columns; otherwise the
    /// first unexpected key stops the read with a <see cref="ReportFormatException"/> naming it,
    /// before any row containing it is returned.
    /// </remarks>
    public sealed class JsonReportReader : StreamingReportReader
    {
        private readonly Stream _stream;
        private readonly ColumnMatcher _matcher = new();
        private JsonReaderState _state;
        private bool _done;

        // Parse state that survives buffer refills.
        private bool _rootIsArray;
        private int _rowDepth = -1;      // depth of the row objects, once known
        private object? _groupKey;       // the parsed key of the current group
        private int _currentOrdinal = -1;
        private int _keyOrdinal = -1;
        private bool _rowHasKeyColumn;
        private long _rowNumber;
        private int _position;           // index of the property within the current row

        /// <summary>Creates a reader over a (decompressed) JSON stream.</summary>
        public JsonReportReader(Stream stream, ReportReadOptions? options = null)
            : base(stream, options)
        {
            _stream = stream;
        }

        // The optional pre-scan uses blocking reads on a seekable (file or memory) stream.
        private protected override void Begin(CancellationToken cancellationToken)
        {

            string keyColumn;
            if (Options.JsonLayout == JsonReportLayout.ByDate)
            {
                keyColumn = RowFields.Date;
            }
            else
            {
                keyColumn = Options.ResolveEntityIdColumn() ?? throw new ArgumentException(
                    "A JSON report keyed by entity id needs ReportReadOptions.EntityIdColumn (e.g. CAMPAIGN_ID) or Level (e.g. CAMPAIGN) so the key can become a column.",
                    nameof(ReportReadOptions.EntityIdColumn));
            }

            IReadOnlyList<string> found = Array.Empty<string>();
            bool includeDate = Options.IncludeDate ?? true;
            if (Options.PreScanJsonKeys && _stream.CanSeek)
            {
                long origin = _stream.Position;
                found = JsonKeyScanner.CollectRowKeys(_stream, Options.MaxRecordBytes, cancellationToken);
                _stream.Position = origin;
                if (Options.IncludeDate is null)
                {
                    includeDate = Options.JsonLayout == JsonReportLayout.ByDate || Contains(found, RowFields.Date);
                }
            }

            string? entityId = Options.JsonLayout == JsonReportLayout.ByEntityId ? keyColumn : Options.ResolveEntityIdColumn();
            if (Options.JsonLayout == JsonReportLayout.ByDate) includeDate = true;
            RowSchema schema;
            try
            {
                schema = ReportSchemaBuilder.Build(Options, entityId, includeDate, found);
            }
            catch (ArgumentException error)
            {
                throw new ReportFormatException("The JSON report's columns cannot be used: " + error.Message, 0, null, error);
            }
            Assembler = new RowAssembler(schema, Options);
            _matcher.Reset(schema);
            _keyOrdinal = schema.IndexOf(keyColumn);
        }

        private static bool Contains(IReadOnlyList<string> names, string name)
        {
            foreach (string candidate in names)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        // Parses every complete token buffered; false when the document is done.
        private protected override bool ParseAvailable(List<ReportRow> rows)
        {
            if (_done) return false;
            if (Buffer.IsFinal && Buffer.Length == 0 && _rowDepth < 0)
            {
                throw new ReportFormatException("The JSON report is empty: expected an object of row arrays.", 0);
            }
            var reader = new Utf8JsonReader(Buffer.Available, Buffer.IsFinal, _state);
            try
            {
                while (reader.Read())
                {
                    if (Handle(ref reader, rows))
                    {
                        _done = true;
                        return false;
                    }
                }
            }
            catch (JsonException error)
            {
                throw new ReportFormatException(
                    $"The JSON report is malformed near data row {_rowNumber + 1}: {error.Message}", _rowNumber + 1, null, error);
            }
            Buffer.Start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (Buffer.IsFinal)
            {
                throw new ReportFormatException(
                    $"The JSON report ends before the document is complete (after data row {_rowNumber}); the file is truncated.", _rowNumber);
            }
            return true;
        }

        /// <summary>Handles one token; returns true when the root value has ended.</summary>
        private bool Handle(ref Utf8JsonReader reader, List<ReportRow> rows)
        {
            int depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (depth == 0) { _rootIsArray = false; _rowDepth = 2; return false; }
                    if (depth == _rowDepth) { BeginRow(); return false; }
                    if (depth == 1 && !_rootIsArray) throw NotRows();
                    throw Nested(reader);
                case JsonTokenType.StartArray:
                    if (depth == 0) { _rootIsArray = true; _rowDepth = 1; return false; }
                    if (depth == 1 && !_rootIsArray) return false;
                    throw Nested(reader);
                case JsonTokenType.EndObject:
                    if (depth == _rowDepth) { rows.Add(EndRow()); return false; }
                    return depth == 0;
                case JsonTokenType.EndArray:
                    return depth == 0;
                case JsonTokenType.PropertyName:
                    if (depth == 1 && !_rootIsArray) { _groupKey = ParseGroupKey(ref reader); return false; }
                    _currentOrdinal = _matcher.Match(ref reader, _position++);
                    if (_currentOrdinal < 0) throw Unexpected(reader.GetString()!);
                    if (_currentOrdinal == _keyOrdinal) _rowHasKeyColumn = true;
                    return false;
                default:
                    if (depth == 1 && !_rootIsArray)
                    {
                        throw NotRows();
                    }
                    if (depth == _rowDepth + 1) SetValue(ref reader);
                    else if (depth == 0)
                        throw new ReportFormatException(
                            $"The JSON report is a bare {reader.TokenType.ToString().ToLowerInvariant()}, not an object of row arrays; it holds no report.", 0);
                    return false;
            }
        }

        private void BeginRow()
        {
            _rowNumber++;
            _position = 0;
            _rowHasKeyColumn = false;
            Assembler!.Reset();
        }

        private ReportRow EndRow()
        {
            if (!_rowHasKeyColumn && _keyOrdinal >= 0 && !_rootIsArray) Assembler!.SetValue(_keyOrdinal, _groupKey);
            _matcher.EndRow(_position);
            return Assembler!.Build();
        }

        private object? ParseGroupKey(ref Utf8JsonReader reader)
        {
            string key = reader.GetString()!;
            if (_keyOrdinal < 0) return key;
            return ValueParser.Parse(Assembler!.Schema.Columns[_keyOrdinal].Kind, Encoding.UTF8.GetBytes(key), zeroFill: false);
        }

        private void SetValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    Assembler!.SetMissing(_currentOrdinal);
                    return;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    Assembler!.Set(_currentOrdinal, Encoding.UTF8.GetBytes(reader.GetString()!));
                    return;
                default:
                    // Numbers, plain strings, true/false: the raw UTF-8 token text.
                    Assembler!.Set(_currentOrdinal, reader.ValueSpan);
                    return;
            }
        }

        private ReportFormatException NotRows() => new(
            $"The JSON report's value under key '{_groupKey}' is not an array of rows; expected {{\"<key>\": [{{row}}, ...]}}.", _rowNumber + 1);

        private ReportFormatException Nested(in Utf8JsonReader reader)
        {
            string column = _currentOrdinal >= 0 ? Assembler!.Schema.Columns[_currentOrdinal].Name : "?";
            return new ReportFormatException(
                $"The JSON report has a nested {(reader.TokenType == JsonTokenType.StartArray ? "array" : "object")} in column '{column}' of data row {_rowNumber}; report values must be scalars.",
                _rowNumber, column);
        }

        private ReportFormatException Unexpected(string key) => new(
            $"The JSON report has a column '{key}' that was not requested (data row {_rowNumber}, key '{_groupKey}'). " +
            "Every row carries the same properties, so a column cannot be added midway without being lost from earlier rows: " +
            $"add '{key}' to the requested columns, or read the report from a seekable stream (a file) with PreScanJsonKeys so unrequested columns are discovered first.",
            _rowNumber, key);
    }
}
