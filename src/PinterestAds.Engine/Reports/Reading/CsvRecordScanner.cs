using System;
using System.Runtime.InteropServices;

namespace PinterestAds.Engine.Reports.Reading
{
    internal enum CsvScanResult
    {
        Record,
        NeedMoreData,
        EndOfData,
        UnterminatedQuote,
        TextAfterQuote,
    }

    /// <summary>
    /// Finds the next complete CSV record in a byte window and the bounds of its fields, without
    /// copying. Nothing is modified until the record is known to be complete, so an incomplete
    /// record can simply be scanned again after a refill.
    /// </summary>
    internal sealed class CsvRecordScanner
    {
        private int[] _starts = new int[32];
        private int[] _lengths = new int[32];
        private bool[] _escaped = new bool[32];

        public int FieldCount { get; private set; }

        /// <summary>Where the next record begins (past the line break).</summary>
        public int RecordEnd { get; private set; }

        public bool IsBlankLine => FieldCount == 1 && _lengths[0] == 0 && !_escaped[0] && !_quoted;

        private bool _quoted;

        public int FieldStart(int index) => _starts[index];

        public int FieldLength(int index) => _lengths[index];

        public CsvScanResult Scan(byte[] data, int start, int end, bool isFinal)
        {
            FieldCount = 0;
            _quoted = false;
            if (start >= end) return isFinal ? CsvScanResult.EndOfData : CsvScanResult.NeedMoreData;

            int i = start;
            while (true)
            {
                int fieldStart, fieldLength;
                bool escaped = false;
                if (i < end && data[i] == (byte)'"')
                {
                    _quoted = true;
                    int contentStart = i + 1;
                    int j = contentStart;
                    while (true)
                    {
                        int quote = j < end ? new ReadOnlySpan<byte>(data, j, end - j).IndexOf((byte)'"') : -1;
                        if (quote < 0) return isFinal ? CsvScanResult.UnterminatedQuote : CsvScanResult.NeedMoreData;
                        quote += j;
                        if (quote + 1 == end && !isFinal) return CsvScanResult.NeedMoreData;
                        if (quote + 1 < end && data[quote + 1] == (byte)'"')
                        {
                            escaped = true;
                            j = quote + 2;
                            continue;
                        }
                        fieldStart = contentStart;
                        fieldLength = quote - contentStart;
                        i = quote + 1;
                        break;
                    }
                    if (i < end && data[i] != (byte)',' && data[i] != (byte)'\r' && data[i] != (byte)'\n')
                    {
                        return CsvScanResult.TextAfterQuote;
                    }
                }
                else
                {
                    int stop = i < end ? new ReadOnlySpan<byte>(data, i, end - i).IndexOfAny((byte)',', (byte)'\r', (byte)'\n') : -1;
                    if (stop < 0)
                    {
                        if (!isFinal) return CsvScanResult.NeedMoreData;
                        stop = end - i;
                    }
                    fieldStart = i;
                    fieldLength = stop;
                    i += stop;
                }

                AddField(fieldStart, fieldLength, escaped);

                if (i >= end)
                {
                    // Only reachable when isFinal: the last record has no line break.
                    RecordEnd = end;
                    return CsvScanResult.Record;
                }
                byte delimiter = data[i];
                if (delimiter == (byte)',')
                {
                    i++;
                    continue;
                }
                if (delimiter == (byte)'\r')
                {
                    if (i + 1 == end && !isFinal) return CsvScanResult.NeedMoreData;
                    RecordEnd = i + 1 < end && data[i + 1] == (byte)'\n' ? i + 2 : i + 1;
                    return CsvScanResult.Record;
                }
                RecordEnd = i + 1;
                return CsvScanResult.Record;
            }
        }

        /// <summary>
        /// The shape check's fast path: when the bytes from <paramref name="start"/> to the next line feed hold no quote and
        /// no carriage return (but one right before the line feed), the record ends after that line feed and has one field
        /// more than it has commas - exactly what <see cref="Scan"/> finds for it, at a fraction of the cost (the commas are
        /// counted eight bytes at a time, no field is located). False for anything else (quotes, a bare carriage return,
        /// no line feed buffered yet): <see cref="Scan"/> decides those. <paramref name="lineLength"/> is the bytes before
        /// the line break (0: a blank line).
        /// </summary>
        public static bool TryMeasurePlainRecord(byte[] data, int start, int end, out int fieldCount, out int lineLength, out int recordEnd)
        {
            fieldCount = lineLength = recordEnd = 0;
            var rest = new ReadOnlySpan<byte>(data, start, end - start);
            int stop = rest.IndexOfAny((byte)'\n', (byte)'"', (byte)'\r');
            if (stop < 0 || rest[stop] == (byte)'"') return false;
            if (rest[stop] == (byte)'\r')
            {
                if (stop + 1 >= rest.Length || rest[stop + 1] != (byte)'\n') return false;
                recordEnd = start + stop + 2;
            }
            else
            {
                recordEnd = start + stop + 1;
            }
            lineLength = stop;
            fieldCount = CountCommas(rest.Slice(0, stop)) + 1;
            return true;
        }

        // Counts ',' bytes a 64-bit word at a time: x has a zero byte exactly where the word has a comma, and the
        // expression below sets the high bit of exactly those bytes (no false positives), which are then summed.
        private static int CountCommas(ReadOnlySpan<byte> bytes)
        {
            const ulong Commas = 0x2C2C2C2C2C2C2C2CUL;
            const ulong Low7 = 0x7F7F7F7F7F7F7F7FUL;
            int count = 0;
            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(bytes);
            foreach (ulong word in words)
            {
                ulong x = word ^ Commas;
                ulong zeroBytes = ~(((x & Low7) + Low7) | x | Low7);
                count += (int)(((zeroBytes >> 7) * 0x0101010101010101UL) >> 56);
            }
            for (int i = words.Length * sizeof(ulong); i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)',') count++;
            }
            return count;
        }

        /// <summary>Collapses doubled quotes in place, for the fields of the record just scanned.</summary>
        public void UnescapeQuotedFields(byte[] data)
        {
            for (int f = 0; f < FieldCount; f++)
            {
                if (!_escaped[f]) continue;
                int read = _starts[f], write = _starts[f], stop = _starts[f] + _lengths[f];
                while (read < stop)
                {
                    byte b = data[read++];
                    data[write++] = b;
                    if (b == (byte)'"') read++; // skip the second quote of a pair
                }
                _lengths[f] = write - _starts[f];
                _escaped[f] = false;
            }
        }

        private void AddField(int start, int length, bool escaped)
        {
            if (FieldCount == _starts.Length)
            {
                Array.Resize(ref _starts, FieldCount * 2);
                Array.Resize(ref _lengths, FieldCount * 2);
                Array.Resize(ref _escaped, FieldCount * 2);
            }
            _starts[FieldCount] = start;
            _lengths[FieldCount] = length;
            _escaped[FieldCount] = escaped;
            FieldCount++;
        }
    }
}
