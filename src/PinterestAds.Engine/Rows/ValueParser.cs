using System;
using System.Buffers.Text;
using System.Text;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// Turns the UTF-8 text of one report value into the typed value a row carries, with
    /// invariant culture and no intermediate string for numbers and dates.
    /// </summary>
    /// <remarks>
    /// Fallback rule (values are never dropped or zeroed): a value that does not parse as its
    /// column's kind is widened step by step and, as a last resort, kept as its original text.
    /// <list type="bullet">
    /// <item>Integer: <see cref="long"/>, else <see cref="decimal"/> (e.g. <c>1.5</c>), else
    /// <see cref="double"/> (e.g. <c>1e30</c>), else the text.</item>
    /// <item>Decimal: <see cref="decimal"/>, else <see cref="double"/>, else the text.</item>
    /// <item>Date: <see cref="DateTime"/> (<c>yyyy-MM-dd</c>, optionally followed by
    /// <c>T</c> or a space and <c>HH</c>, <c>HH:mm</c> or <c>HH:mm:ss</c>, optional <c>Z</c>),
    /// else the text.</item>
    /// <item>Boolean: <c>true</c>/<c>false</c> (any case), else the text.</item>
    /// <item>Unknown: long, else decimal, else the text.</item>
    /// <item>Text: always the text.</item>
    /// </list>
    /// Empty text is a missing value: <c>null</c>, or zero for Integer/Decimal columns when
    /// zero-filling. This is why non-text columns are declared as <see cref="object"/> on the
    /// generated row types: the runtime type is the kind's type unless the fallback applied.
    /// </remarks>
    public static class ValueParser
    {
        private const int CachedIntegerCount = 1024;

        // Boxed small integers are shared: report metrics are dominated by small counts and 0.
        private static readonly object[] BoxedIntegers = CreateBoxedIntegers();

        // Counts below 65,536 (a day's impressions, clicks) recur across a report's rows too: their boxes are made on
        // first use and shared after, which spares a million-row report a few million allocations. Two threads racing
        // on one value may each make a box; either serves (boxes are immutable).
        private const int SharedIntegerLimit = 65536;
        private static readonly object?[] SharedIntegers = new object?[SharedIntegerLimit];

        /// <summary>The boxed zero used for Integer columns when zero-filling.</summary>
        public static readonly object ZeroInteger = BoxedIntegers[0];

        /// <summary>The boxed zero used for Decimal columns when zero-filling.</summary>
        public static readonly object ZeroDecimal = 0m;

        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        /// <summary>The value of a missing or empty field of the given kind.</summary>
        public static object? Missing(ColumnKind kind, bool zeroFill)
        {
            if (!zeroFill) return null;
            return kind switch
            {
                ColumnKind.Integer => ZeroInteger,
                ColumnKind.Decimal => ZeroDecimal,
                _ => null,
            };
        }

        /// <summary>Parses <paramref name="utf8"/> as a value of <paramref name="kind"/>.</summary>
        public static object? Parse(ColumnKind kind, ReadOnlySpan<byte> utf8, bool zeroFill)
        {
            if (utf8.IsEmpty) return Missing(kind, zeroFill);
            switch (kind)
            {
                case ColumnKind.Text:
                    return DecodeText(utf8);
                case ColumnKind.Integer:
                    return ParseInteger(utf8);
                case ColumnKind.Decimal:
                    return ParseDecimal(utf8);
                case ColumnKind.Date:
                case ColumnKind.Hour:
                    return TryParseDate(utf8, out DateTime date) ? date : DecodeText(utf8);
                case ColumnKind.Boolean:
                    return ParseBoolean(utf8);
                default:
                    if (TryParseLong(utf8, out long number)) return Box(number);
                    if (TryParseDecimal(utf8, out decimal amount)) return amount;
                    return DecodeText(utf8);
            }
        }

        /// <summary>Returns the shared box for small values, a new box otherwise.</summary>
        public static object Box(long value)
        {
            if (value >= 0 && value < CachedIntegerCount) return BoxedIntegers[value];
            if (value >= 0 && value < SharedIntegerLimit) return SharedIntegers[value] ??= value;
            return value;
        }

        /// <summary>Decodes UTF-8 text into a string.</summary>
        public static string DecodeText(ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty) return string.Empty;
            // netstandard2.0 has no span overload of GetString; a pooled copy is still cheaper
            // than the intermediate strings Import-Csv builds.
            byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(utf8.Length);
            try
            {
                utf8.CopyTo(rented);
                return Encoding.UTF8.GetString(rented, 0, utf8.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private static object ParseInteger(ReadOnlySpan<byte> utf8)
        {
            if (TryParseLong(utf8, out long number)) return Box(number);
            if (TryParseDecimal(utf8, out decimal amount)) return amount;
            if (TryParseDouble(utf8, out double real)) return real;
            return DecodeText(utf8);
        }

        private static object ParseDecimal(ReadOnlySpan<byte> utf8)
        {
            if (TryParseDecimal(utf8, out decimal amount)) return amount;
            if (TryParseDouble(utf8, out double real)) return real;
            return DecodeText(utf8);
        }

        private static object ParseBoolean(ReadOnlySpan<byte> utf8)
        {
            if (Utf8Parser.TryParse(utf8, out bool flag, out int consumed) && consumed == utf8.Length)
            {
                return flag ? BoxedTrue : BoxedFalse;
            }
            return DecodeText(utf8);
        }

        internal static bool TryParseLong(ReadOnlySpan<byte> utf8, out long value) =>
            Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

        internal static bool TryParseDecimal(ReadOnlySpan<byte> utf8, out decimal value)
        {
            // 'E' accepts both plain and exponent notation ("1.5", "2E-05").
            if (Utf8Parser.TryParse(utf8, out value, out int consumed, 'E') && consumed == utf8.Length) return true;
            return Utf8Parser.TryParse(utf8, out value, out consumed) && consumed == utf8.Length;
        }

        private static bool TryParseDouble(ReadOnlySpan<byte> utf8, out double value)
        {
            if (Utf8Parser.TryParse(utf8, out value, out int consumed, 'E') && consumed == utf8.Length) return true;
            return Utf8Parser.TryParse(utf8, out value, out consumed) && consumed == utf8.Length;
        }

        /// <summary>
        /// Parses <c>yyyy-MM-dd</c> with an optional time of day (<c>T</c> or space, then
        /// <c>HH</c>, <c>HH:mm</c> or <c>HH:mm:ss</c>, optional trailing <c>Z</c>).
        /// </summary>
        public static bool TryParseDate(ReadOnlySpan<byte> utf8, out DateTime value)
        {
            value = default;
            if (utf8.Length > 0 && utf8[utf8.Length - 1] == (byte)'Z') utf8 = utf8.Slice(0, utf8.Length - 1);
            if (utf8.Length < 10 || utf8[4] != '-' || utf8[7] != '-') return false;
            if (!TryDigits(utf8, 0, 4, out int year) || !TryDigits(utf8, 5, 2, out int month)
                || !TryDigits(utf8, 8, 2, out int day))
            {
                return false;
            }

            int hour = 0, minute = 0, second = 0;
            if (utf8.Length > 10)
            {
                if (utf8[10] != 'T' && utf8[10] != ' ') return false;
                int length = utf8.Length - 11;
                if (length != 2 && length != 5 && length != 8) return false;
                if (!TryDigits(utf8, 11, 2, out hour)) return false;
                if (length >= 5 && (utf8[13] != ':' || !TryDigits(utf8, 14, 2, out minute))) return false;
                if (length == 8 && (utf8[16] != ':' || !TryDigits(utf8, 17, 2, out second))) return false;
            }

            if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)
                || year < 1 || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
            value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
            return true;
        }

        private static bool TryDigits(ReadOnlySpan<byte> utf8, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                int digit = utf8[i] - '0';
                if ((uint)digit > 9) return false;
                value = value * 10 + digit;
            }
            return true;
        }

        private static object[] CreateBoxedIntegers()
        {
            var boxes = new object[CachedIntegerCount];
            for (int i = 0; i < boxes.Length; i++) boxes[i] = (long)i;
            return boxes;
        }
    }
}
