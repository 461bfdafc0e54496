using System;
using System.Globalization;
using PinterestAds.Engine.Internal;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// A date, timestamp or non-integer number as the rows' and entities' export views hand it out:
    /// its <see cref="ToString()"/> is the culture-independent text (<see cref="InvariantText"/>),
    /// and it compares, equals and converts as the value it holds.
    /// </summary>
    /// <remarks>
    /// <para>Why: PowerShell 7's <c>Export-Csv</c> reads a dictionary's non-generic indexer and calls
    /// <c>ToString()</c> on the value, which formats dates and decimals in the current culture
    /// (<c>28.11.2026 00:00:00</c>, <c>25,158397</c> in de-DE). Where-Object's simplified syntax
    /// (<c>Where-Object SPEND_IN_DOLLAR -gt 100</c>) reads the same indexer and compares with
    /// PowerShell's rules: a text value there would compare strings and return wrong rows.</para>
    /// <para>PowerShell compares a non-numeric left operand through <see cref="IComparable"/> after
    /// converting the right operand to the left one's type, and tests equality the same way; the
    /// implicit conversions below are what makes that conversion succeed for numbers, text and
    /// dates, and <see cref="CompareTo(object)"/>/<see cref="Equals(object)"/> then compare the held value
    /// with the other one converted as PowerShell would (text parsed in the invariant culture).
    /// <see cref="IFormattable"/> and <see cref="IConvertible"/> answer for the held value, so
    /// <c>-like</c>, <c>-match</c>, string conversion, <c>[decimal]</c> casts and Measure-Object
    /// see what they would see for the typed value; only the parameterless <c>ToString()</c>
    /// (what Export-Csv calls) gives the invariant text.</para>
    /// <para>Member access and the typed dictionary view never return this wrapper: it exists only
    /// on the export view, and only for values whose own text depends on the culture.</para>
    /// </remarks>
    public sealed class InvariantValue : IComparable, IComparable<InvariantValue>, IEquatable<InvariantValue>, IFormattable, IConvertible
    {
        // An HOUR granularity date: its text shows the hour even at midnight.
        private readonly bool _hour;

        // The text, when it was made ahead (Prepared); null otherwise (ToString makes it).
        private readonly string? _text;

        private InvariantValue(object value, bool hour = false, string? text = null)
        {
            Value = value;
            _hour = hour;
            _text = text;
        }

        /// <summary>
        /// The held value: a <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="double"/>,
        /// <see cref="float"/>, <see cref="decimal"/> or negative whole number for an export view's
        /// value; a conversion (<c>op_Implicit</c>) may hold any of the converted types.
        /// </summary>
        public object Value { get; }

        /// <summary>
        /// What an export view returns for <paramref name="value"/>: a wrapper for a value whose own
        /// text depends on the culture, else the value itself (text, booleans, non-negative whole
        /// numbers, enums, lists, null: no allocation).
        /// </summary>
        public static object? ForExport(object? value)
        {
            // The commonest first: report cells are mostly counts and text.
            switch (value)
            {
                // Some cultures write a minus sign other than '-'.
                case long whole:
                    return whole < 0 ? new InvariantValue(value) : value;
                case string _:
                    return value;
                case DateTime date:
                    return date.Ticks % TimeSpan.TicksPerDay == 0 ? ForCalendarDate(date, value) : new InvariantValue(value);
                case decimal _:
                case DateTimeOffset _:
                case double _:
                case float _:
                    return new InvariantValue(value);
                case int small:
                    return small < 0 ? new InvariantValue(value) : value;
                default:
                    return value;
            }
        }

        // The wrappers of recent calendar dates: every row of a day hands out the same one (a report's DATE column
        // repeats a few hundred days), not a new wrapper per row. Wrappers are immutable, so sharing them is safe.
        private static readonly DaySlots<InvariantValue> CalendarDates = new();

        private static InvariantValue ForCalendarDate(DateTime date, object boxed) =>
            CalendarDates.Find(date) ?? CalendarDates.Keep(date, new InvariantValue(boxed, text: InvariantText.Date(date)));

        /// <summary>
        /// What <see cref="ForExport"/> returns for a decimal or a double, with its text made now: null for any other value
        /// (those wrap differently or not at all). See <c>PinRow.PrepareExportView</c>.
        /// </summary>
        internal static InvariantValue? Prepared(object? value) =>
            value is decimal || value is double ? new InvariantValue(value, text: InvariantText.ForExport(value)!.ToString()) : null;

        /// <summary>What an export view returns for the date of an HOUR granularity row (text <c>yyyy-MM-ddTHH:00</c>).</summary>
        public static InvariantValue ForHour(DateTime hour) => new InvariantValue(hour, hour: true);

        /// <summary>Converts a number for PowerShell's comparison operators.</summary>
        public static implicit operator InvariantValue(int value) => new InvariantValue(value);

        /// <summary>Converts a number for PowerShell's comparison operators.</summary>
        public static implicit operator InvariantValue(long value) => new InvariantValue(value);

        /// <summary>Converts a number for PowerShell's comparison operators.</summary>
        public static implicit operator InvariantValue(double value) => new InvariantValue(value);

        /// <summary>Converts a number for PowerShell's comparison operators.</summary>
        public static implicit operator InvariantValue(decimal value) => new InvariantValue(value);

        /// <summary>Converts a date for PowerShell's comparison operators.</summary>
        public static implicit operator InvariantValue(DateTime value) => new InvariantValue(value);

        /// <summary>Converts a timestamp for PowerShell's comparison operators.</summary>
        public static implicit operator InvariantValue(DateTimeOffset value) => new InvariantValue(value);

        /// <summary>Converts a duration for date arithmetic (<c>DATE + [timespan]</c>).</summary>
        public static implicit operator InvariantValue(TimeSpan value) => new InvariantValue(value);

        /// <summary>Converts text for PowerShell's comparison operators (parsed when compared).</summary>
        public static implicit operator InvariantValue(string value) =>
            new InvariantValue(value ?? throw new ArgumentNullException(nameof(value)));

        // PowerShell's arithmetic on an operand that is not a .NET number looks for these operators (on
        // either side: '$value + 1' and '1 + $value'); they compute on the held values, see ValueArithmetic.

        /// <summary>Adds the held values (numbers; a date and a duration).</summary>
        public static object operator +(InvariantValue? left, InvariantValue? right) => ValueArithmetic.Add(left?.Value, right?.Value);

        /// <summary>Subtracts the held values (numbers; dates, giving a duration; a date and a duration).</summary>
        public static object operator -(InvariantValue? left, InvariantValue? right) => ValueArithmetic.Subtract(left?.Value, right?.Value);

        /// <summary>Multiplies the held numbers.</summary>
        public static object operator *(InvariantValue? left, InvariantValue? right) => ValueArithmetic.Multiply(left?.Value, right?.Value);

        /// <summary>Divides the held numbers.</summary>
        public static object operator /(InvariantValue? left, InvariantValue? right) => ValueArithmetic.Divide(left?.Value, right?.Value);

        /// <summary>The remainder of the held numbers.</summary>
        public static object operator %(InvariantValue? left, InvariantValue? right) => ValueArithmetic.Remainder(left?.Value, right?.Value);

        /// <summary>The held number, negated.</summary>
        public static object operator -(InvariantValue operand) => ValueArithmetic.Subtract(0, operand?.Value);

        /// <summary>The culture-independent text (what Export-Csv writes).</summary>
        public override string ToString() => _text ?? (_hour && Value is DateTime hour
            ? InvariantText.Hour(hour)
            : InvariantText.ForExport(Value)?.ToString() ?? string.Empty);

        /// <summary>The held value's own formatting (what PowerShell's string conversion and -f use).</summary>
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Value is IFormattable formattable ? formattable.ToString(format, formatProvider) : Value.ToString() ?? string.Empty;

        /// <inheritdoc />
        public int CompareTo(InvariantValue? other) => CompareTo((object?)other);

        /// <summary>
        /// Compares the held value with <paramref name="obj"/> (a wrapper, number, date or text)
        /// converted to the held value's type, as PowerShell compares the typed value; null sorts first.
        /// </summary>
        /// <exception cref="ArgumentException">The other value cannot be converted to the held value's type.</exception>
        public int CompareTo(object? obj)
        {
            object? other = Unwrap(obj);
            if (other is null) return 1;
            if (IsNumber(Value))
            {
                if (Value is double || Value is float || other is double || other is float)
                {
                    return ToDouble(Value).CompareTo(ToDouble(other));
                }
                return ToDecimal(Value).CompareTo(ToDecimal(other));
            }
            switch (Value)
            {
                case DateTime date:
                    return date.CompareTo(ToDateTime(other));
                case DateTimeOffset timestamp:
                    return timestamp.CompareTo(ToDateTimeOffset(other));
                case string text:
                    // A converted operand on the left (rare): PowerShell's order for text.
                    return string.Compare(text, Convert.ToString(other, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
                default:
                    throw new ArgumentException($"Cannot compare {Value.GetType().Name} values.", nameof(obj));
            }
        }

        /// <inheritdoc />
        public bool Equals(InvariantValue? other) => Equals((object?)other);

        /// <summary>Whether <paramref name="obj"/>, converted to the held value's type, equals the held value.</summary>
        public override bool Equals(object? obj)
        {
            object? other = Unwrap(obj);
            if (other is null) return false;
            if (Value.Equals(other)) return true;
            try
            {
                return CompareTo(other) == 0;
            }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException || e is ArgumentException)
            {
                return false;
            }
        }

        /// <summary>The held value's hash code (numbers: of its decimal or double value, so 5 and 5.0 agree).</summary>
        public override int GetHashCode() => Value switch
        {
            double real => real.GetHashCode(),
            float single => ((double)single).GetHashCode(),
            _ when IsNumber(Value) => ToDecimal(Value).GetHashCode(),
            _ => Value.GetHashCode(),
        };

        private static object? Unwrap(object? value) => value is InvariantValue wrapped ? wrapped.Value : value;

        private static bool IsNumber(object value) =>
            value is decimal || value is double || value is float || value is long || value is int
            || value is short || value is byte || value is sbyte || value is ushort || value is uint || value is ulong;

        // Text as PowerShell converts it to a number: invariant, '.' decimals, ',' thousands ([decimal]'1,000' is 1000).
        private const NumberStyles TextNumber = NumberStyles.Float | NumberStyles.AllowThousands;

        private static double ToDouble(object value) => value is string text
            ? double.Parse(text, TextNumber, CultureInfo.InvariantCulture)
            : Convert.ToDouble(value, CultureInfo.InvariantCulture);

        private static decimal ToDecimal(object value) => value is string text
            ? decimal.Parse(text, TextNumber, CultureInfo.InvariantCulture)
            : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

        private static DateTime ToDateTime(object value) => value switch
        {
            DateTime date => date,
            DateTimeOffset timestamp => timestamp.DateTime,
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture),
            _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
        };

        private static DateTimeOffset ToDateTimeOffset(object value) => value switch
        {
            DateTimeOffset timestamp => timestamp,
            DateTime date => new DateTimeOffset(date),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException($"Cannot convert {value.GetType().Name} to DateTimeOffset."),
        };

        private IConvertible Convertible => Value as IConvertible
            ?? throw new InvalidCastException($"{Value.GetType().Name} values do not convert.");

        // --- IConvertible: the held value's conversions ([decimal]$x, Measure-Object, -in against numbers) ---

        TypeCode IConvertible.GetTypeCode() => Value is IConvertible convertible ? convertible.GetTypeCode() : TypeCode.Object;

        bool IConvertible.ToBoolean(IFormatProvider? provider) => Convertible.ToBoolean(provider);

        byte IConvertible.ToByte(IFormatProvider? provider) => Convertible.ToByte(provider);

        char IConvertible.ToChar(IFormatProvider? provider) => Convertible.ToChar(provider);

        DateTime IConvertible.ToDateTime(IFormatProvider? provider) =>
            Value is DateTimeOffset timestamp ? timestamp.DateTime : Convertible.ToDateTime(provider);

        decimal IConvertible.ToDecimal(IFormatProvider? provider) => Convertible.ToDecimal(provider);

        double IConvertible.ToDouble(IFormatProvider? provider) => Convertible.ToDouble(provider);

        short IConvertible.ToInt16(IFormatProvider? provider) => Convertible.ToInt16(provider);

        int IConvertible.ToInt32(IFormatProvider? provider) => Convertible.ToInt32(provider);

        long IConvertible.ToInt64(IFormatProvider? provider) => Convertible.ToInt64(provider);

        sbyte IConvertible.ToSByte(IFormatProvider? provider) => Convertible.ToSByte(provider);

        float IConvertible.ToSingle(IFormatProvider? provider) => Convertible.ToSingle(provider);

        string IConvertible.ToString(IFormatProvider? provider) => ToString(null, provider);

        object IConvertible.ToType(Type conversionType, IFormatProvider? provider)
        {
            if (conversionType is null) throw new ArgumentNullException(nameof(conversionType));
            if (conversionType.IsInstanceOfType(Value)) return Value;
            if (conversionType == typeof(InvariantValue)) return this;
            if (Value is DateTimeOffset timestamp && conversionType == typeof(DateTime)) return timestamp.DateTime;
            return Convertible.ToType(conversionType, provider);
        }

        ushort IConvertible.ToUInt16(IFormatProvider? provider) => Convertible.ToUInt16(provider);

        uint IConvertible.ToUInt32(IFormatProvider? provider) => Convertible.ToUInt32(provider);

        ulong IConvertible.ToUInt64(IFormatProvider? provider) => Convertible.ToUInt64(provider);
    }
}
