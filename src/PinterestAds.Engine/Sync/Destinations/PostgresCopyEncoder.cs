using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PinterestAds.Engine.Internal;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>
    /// Encodes sync rows in PostgreSQL's binary COPY format (a signature and header, one tuple per row, a
    /// trailer) into a byte buffer the PostgreSQL destination hands to a raw COPY stream a chunk at a time.
    /// Each column is encoded as its kind's PostgreSQL type receives it: text as UTF-8, bigint as 8 bytes,
    /// numeric in base-10000 digits with the decimal's own scale, date as days and timestamp as microseconds
    /// since 2000-01-01, boolean as one byte; a null is length -1.
    /// </summary>
    /// <remarks>
    /// Why not Npgsql's NpgsqlBinaryImporter: a sync lands each window once, so its code runs cold, and the
    /// importer's per-value path (a parameter, a converter lookup, a bind) then costs several times the bytes
    /// it writes. Encoding here is one fully optimised loop over plain values.
    /// </remarks>
    internal sealed class PostgresCopyEncoder
    {
        /// <summary>The buffer is handed on once it holds this much (the trailer and a row may go past it).</summary>
        public const int ChunkBytes = 64 * 1024;

        // "PGCOPY\n\377\r\n\0", then the flags field and the header extension length (both 0).
        private static readonly byte[] Signature = { 0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00 };
        private static readonly long EpochTicks = new DateTime(2000, 1, 1).Ticks;
        // Strict like Npgsql's text writer: a lone surrogate is an error, never silently replaced.
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private const ushort NumericPositive = 0x0000;
        private const ushort NumericNegative = 0x4000;

        private readonly SyncColumn[] _columns;
        private readonly short _fieldCount;
        private byte[] _buffer = new byte[ChunkBytes + 4096];
        private int _length;

        public PostgresCopyEncoder(SyncTable table)
        {
            _columns = new SyncColumn[table.Columns.Count];
            for (int i = 0; i < _columns.Length; i++) _columns[i] = table.Columns[i];
            _fieldCount = checked((short)_columns.Length);
        }

        /// <summary>The encoded bytes not yet handed on: <see cref="Buffer"/>[0..<see cref="Length"/>).</summary>
        public byte[] Buffer => _buffer;

        public int Length => _length;

        /// <summary>Whether the pending bytes make a chunk worth sending.</summary>
        public bool IsChunkFull => _length >= ChunkBytes;

        /// <summary>Forgets the pending bytes once they are sent.</summary>
        public void Clear() => _length = 0;

        public void WriteHeader()
        {
            Ensure(Signature.Length + 8);
            System.Buffer.BlockCopy(Signature, 0, _buffer, _length, Signature.Length);
            _length += Signature.Length;
            WriteInt32(0);
            WriteInt32(0);
        }

        public void WriteTrailer()
        {
            Ensure(2);
            WriteInt16(-1);
        }

        /// <summary>One tuple: the field count, then each value in column order (length, then bytes).</summary>
        [MethodImpl(HotPath.Optimised)]
        public void WriteRow(object?[] row)
        {
            if (row.Length != _columns.Length)
                throw new ArgumentException($"A sync row has {row.Length} values; the table has {_columns.Length} columns.", nameof(row));
            Ensure(2);
            WriteInt16(_fieldCount);
            for (int i = 0; i < _columns.Length; i++) WriteValue(_columns[i], row[i]);
        }

        [MethodImpl(HotPath.Optimised)]
        private void WriteValue(SyncColumn column, object? value)
        {
            if (value == null)
            {
                Ensure(4);
                WriteInt32(-1);
                return;
            }
            switch (column.Kind)
            {
                case SyncValueKind.Text:
                    WriteText(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    return;
                case SyncValueKind.Integer when value is long l:
                    WriteBigint(l);
                    return;
                case SyncValueKind.Integer when value is int n:
                    WriteBigint(n);
                    return;
                case SyncValueKind.Integer when value is decimal m && decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue:
                    WriteBigint((long)m);
                    return;
                case SyncValueKind.Decimal when value is decimal m:
                    WriteNumeric(m);
                    return;
                case SyncValueKind.Decimal when value is long l:
                    WriteNumeric(l);
                    return;
                case SyncValueKind.Decimal when value is int n:
                    WriteNumeric(n);
                    return;
                case SyncValueKind.Date when value is DateTime d:
                    Ensure(8);
                    WriteInt32(4);
                    WriteInt32(checked((int)((d.Date.Ticks - EpochTicks) / TimeSpan.TicksPerDay)));
                    return;
                case SyncValueKind.DateTime when value is DateTime t:
                    Ensure(12);
                    WriteInt32(8);
                    WriteInt64((t.Ticks - EpochTicks) / 10);
                    return;
                case SyncValueKind.Boolean when value is bool b:
                    Ensure(5);
                    WriteInt32(1);
                    _buffer[_length++] = b ? (byte)1 : (byte)0;
                    return;
                default:
                    // A value the row parser kept as something else in a typed column: refuse it loudly, nothing is guessed.
                    throw new InvalidCastException(
                        $"Column {column.Name} holds {column.Kind} values, but a row has {value.GetType().Name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}'; it cannot be stored in PostgreSQL.");
            }
        }

        private void WriteText(string text)
        {
            int most = Utf8.GetMaxByteCount(text.Length);
            Ensure(4 + most);
            int written = Utf8.GetBytes(text, 0, text.Length, _buffer, _length + 4);
            WriteInt32(written);
            _length += written;
        }

        private void WriteBigint(long value)
        {
            Ensure(12);
            WriteInt32(8);
            WriteInt64(value);
        }

        /// <summary>
        /// numeric's wire form: digit count, weight (the power of 10000 of the first digit), sign, display scale,
        /// then the base-10000 digits, most significant first, without leading or trailing zero digits. The
        /// display scale is the decimal's own scale, so 1.50 lands as 1.50, as Npgsql writes it.
        /// </summary>
        [MethodImpl(HotPath.Optimised)]
        internal void WriteNumeric(decimal value)
        {
            // decimal's invariant text has no exponent and keeps its scale: "-12.500", "79228162514264337593543950335".
            string text = value.ToString(CultureInfo.InvariantCulture);
            bool negative = text[0] == '-';
            int start = negative ? 1 : 0;
            int point = text.IndexOf('.');
            int integerEnd = point < 0 ? text.Length : point;
            int scale = point < 0 ? 0 : text.Length - point - 1;
            while (start < integerEnd && text[start] == '0') start++;
            int integerDigits = integerEnd - start;

            // Base-10000 groups: the integer part padded on the left, the fraction on the right, to whole groups.
            int integerGroups = (integerDigits + 3) / 4;
            int fractionGroups = (scale + 3) / 4;
            Span<short> groups = stackalloc short[integerGroups + fractionGroups];
            int lead = integerGroups * 4 - integerDigits;
            for (int g = 0; g < integerGroups; g++)
            {
                int group = 0;
                for (int k = 0; k < 4; k++)
                {
                    int position = g * 4 + k - lead;
                    group = group * 10 + (position < 0 ? 0 : text[start + position] - '0');
                }
                groups[g] = (short)group;
            }
            for (int g = 0; g < fractionGroups; g++)
            {
                int group = 0;
                for (int k = 0; k < 4; k++)
                {
                    int position = g * 4 + k;
                    group = group * 10 + (position < scale ? text[point + 1 + position] - '0' : 0);
                }
                groups[integerGroups + g] = (short)group;
            }

            int first = 0, last = groups.Length;
            while (first < last && groups[first] == 0) first++;
            while (last > first && groups[last - 1] == 0) last--;
            int digits = last - first;
            short weight = digits == 0 ? (short)0 : (short)(integerGroups - 1 - first);
            ushort sign = digits == 0 || !negative ? NumericPositive : NumericNegative;

            Ensure(4 + 8 + digits * 2);
            WriteInt32(8 + digits * 2);
            WriteInt16((short)digits);
            WriteInt16(weight);
            WriteInt16(unchecked((short)sign));
            WriteInt16((short)scale);
            for (int g = first; g < last; g++) WriteInt16(groups[g]);
        }

        private void Ensure(int bytes)
        {
            if (_length + bytes <= _buffer.Length) return;
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }

        private void WriteInt16(short value)
        {
            BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
            _length += 2;
        }

        private void WriteInt32(int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        private void WriteInt64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
            _length += 8;
        }
    }
}
