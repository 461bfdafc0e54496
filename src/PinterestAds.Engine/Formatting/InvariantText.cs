using System;
using System.Globalization;
using PinterestAds.Engine.Internal;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// The culture-independent text of a value, as the module writes it wherever a value becomes
    /// text for a file: dates as <c>yyyy-MM-dd</c> (with a time of day, <c>yyyy-MM-ddTHH:00</c> for
    /// a whole hour, else <c>yyyy-MM-ddTHH:mm:ss</c>), timestamps as ISO 8601 UTC
    /// (<c>yyyy-MM-ddTHH:mm:ssZ</c>), numbers with a '.' decimal point, no group separator and an
    /// ASCII minus sign, booleans as <c>True</c>/<c>False</c>.
    /// </summary>
    /// <remarks>
    /// Why: <c>Export-Csv</c> calls <see cref="object.ToString()"/> on each value, which formats
    /// dates and decimals in the current culture (<c>28.11.2026 00:00:00</c>, <c>25,158397</c> in
    /// de-DE). The rows' and entities' export views hand it an <see cref="InvariantValue"/> whose
    /// ToString() is this text, so the same data gives the same bytes on every machine while the typed
    /// properties stay typed.
    /// </remarks>
    public static class InvariantText
    {
        [ThreadStatic] private static char[]? t_buffer;
        [ThreadStatic] private static char[]? t_decimalBuffer;

        /// <summary>
        /// What an export view returns for <paramref name="value"/>: the value itself when its
        /// <c>ToString()</c> is already culture-independent (text, booleans, non-negative whole
        /// numbers: no allocation, and filters on them stay numeric), otherwise its invariant text.
        /// </summary>
        public static object? ForExport(object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                    return value;
                case long whole:
                    return whole >= 0 ? value : whole.ToString(CultureInfo.InvariantCulture);
                case int small:
                    return small >= 0 ? value : small.ToString(CultureInfo.InvariantCulture);
                case decimal number:
                    return Decimal(number);
                case DateTime date:
                    return Date(date);
                case DateTimeOffset timestamp:
                    return Timestamp(timestamp);
                case double real:
                    return real.ToString("R", CultureInfo.InvariantCulture);
                case float single:
                    return single.ToString("R", CultureInfo.InvariantCulture);
                case Enum _:
                    return value.ToString();
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value;
            }
        }

        /// <summary>
        /// A decimal exactly as <c>number.ToString(CultureInfo.InvariantCulture)</c> writes it (every digit of its scale,
        /// trailing zeros included, '.' and '-', never an exponent), in about half the time for the amounts reports carry:
        /// a mantissa below 2^64 is written digit by digit; a larger one goes to the framework's formatting.
        /// </summary>
        public static string Decimal(decimal number)
        {
            int[] bits = decimal.GetBits(number);
            if (bits[2] != 0) return number.ToString(CultureInfo.InvariantCulture);
            ulong mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            int scale = (bits[3] >> 16) & 0xFF;
            // A negative zero (-0.0m) is written without its sign, as the framework writes it.
            bool negative = bits[3] < 0 && mantissa != 0;
            char[] buffer = t_decimalBuffer ??= new char[24 + 2 + 28];
            int at = buffer.Length;
            int digits = 0;
            do
            {
                ulong rest = mantissa / 10;
                buffer[--at] = (char)('0' + (int)(mantissa - rest * 10));
                mantissa = rest;
                if (++digits == scale) buffer[--at] = '.';
            }
            while (mantissa != 0 || digits < scale);
            if (digits == scale) buffer[--at] = '0';
            if (negative) buffer[--at] = '-';
            return new string(buffer, at, buffer.Length - at);
        }

        /// <summary>
        /// A calendar date (<c>yyyy-MM-dd</c>) or, when it carries a time of day, an hour
        /// (<c>yyyy-MM-ddTHH:00</c>) or a full time (<c>yyyy-MM-ddTHH:mm:ss</c>).
        /// </summary>
        public static string Date(DateTime date)
        {
            TimeSpan time = date.TimeOfDay;
            if (time.Ticks == 0) return CalendarDate(date);
            char[] buffer = t_buffer ??= new char[20];
            WriteDate(buffer, date);
            buffer[10] = 'T';
            Write2(buffer, 11, date.Hour);
            buffer[13] = ':';
            Write2(buffer, 14, date.Minute);
            if (date.Second == 0 && date.Millisecond == 0 && (time.Ticks % TimeSpan.TicksPerMinute) == 0)
            {
                return new string(buffer, 0, 16);
            }
            buffer[16] = ':';
            Write2(buffer, 17, date.Second);
            return new string(buffer, 0, 19);
        }

        /// <summary>
        /// An hour (<c>yyyy-MM-ddTHH:00</c>, also at midnight), as HOUR granularity rows show their date;
        /// a time with seconds keeps them (<c>yyyy-MM-ddTHH:mm:ss</c>).
        /// </summary>
        public static string Hour(DateTime hour)
        {
            string text = Date(hour);
            return text.Length == 10 ? text + "T00:00" : text;
        }

        /// <summary>An instant as ISO 8601 UTC, to the second: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
        public static string Timestamp(DateTimeOffset timestamp) =>
            timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // The texts of recent calendar dates: a report's DATE column repeats a few hundred days, so each is written once.
        private static readonly DaySlots<string> DateTexts = new();

        private static string CalendarDate(DateTime date)
        {
            string? known = DateTexts.Find(date);
            if (known != null) return known;
            char[] buffer = t_buffer ??= new char[20];
            WriteDate(buffer, date);
            return DateTexts.Keep(date, new string(buffer, 0, 10));
        }

        private static void WriteDate(char[] buffer, DateTime date)
        {
            int year = date.Year;
            buffer[0] = (char)('0' + year / 1000);
            buffer[1] = (char)('0' + year / 100 % 10);
            buffer[2] = (char)('0' + year / 10 % 10);
            buffer[3] = (char)('0' + year % 10);
            buffer[4] = '-';
            Write2(buffer, 5, date.Month);
            buffer[7] = '-';
            Write2(buffer, 8, date.Day);
        }

        private static void Write2(char[] buffer, int at, int value)
        {
            buffer[at] = (char)('0' + value / 10);
            buffer[at + 1] = (char)('0' + value % 10);
        }
    }
}
