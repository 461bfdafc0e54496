using System;
using System.Globalization;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// Arithmetic on the values an <see cref="InvariantValue"/> holds, with PowerShell's result types:
    /// whole numbers stay whole (widening on overflow, and dividing to a double when not exact), a
    /// decimal operand gives a decimal, a double operand a double; text is parsed as an invariant
    /// number and null counts as 0; a date plus or minus a duration is a date, and two dates
    /// subtract to a duration.
    /// </summary>
    internal static class ValueArithmetic
    {
        internal static object Add(object? left, object? right)
        {
            if (left is DateTime date && right is TimeSpan span) return date + span;
            if (left is DateTimeOffset timestamp && right is TimeSpan offset) return timestamp + offset;
            if (left is TimeSpan first && right is TimeSpan second) return first + second;
            return Numeric(left, right, (a, b) => checked(a + b), (a, b) => a + b, (a, b) => a + b);
        }

        internal static object Subtract(object? left, object? right)
        {
            switch (left)
            {
                case DateTime date when right is DateTime other:
                    return date - other;
                case DateTime date when right is TimeSpan span:
                    return date - span;
                case DateTimeOffset timestamp when right is DateTimeOffset other:
                    return timestamp - other;
                case DateTimeOffset timestamp when right is TimeSpan span:
                    return timestamp - span;
                case TimeSpan first when right is TimeSpan second:
                    return first - second;
            }
            return Numeric(left, right, (a, b) => checked(a - b), (a, b) => a - b, (a, b) => a - b);
        }

        internal static object Multiply(object? left, object? right) =>
            Numeric(left, right, (a, b) => checked(a * b), (a, b) => a * b, (a, b) => a * b);

        internal static object Divide(object? left, object? right)
        {
            object a = Number(left), b = Number(right);
            if (a is long whole && b is long divisor)
            {
                if (divisor == 0) throw new DivideByZeroException();
                // PowerShell: 5 / 2 is 2.5, 6 / 2 is 3.
                return whole % divisor == 0 ? whole / divisor : (object)((double)whole / divisor);
            }
            return Numeric(a, b, (x, y) => x / y, (x, y) => x / y, (x, y) => x / y);
        }

        internal static object Remainder(object? left, object? right) =>
            Numeric(left, right, (a, b) => a % b, (a, b) => a % b, (a, b) => a % b);

        private static object Numeric(
            object? left, object? right, Func<long, long, long> whole, Func<decimal, decimal, decimal> exact, Func<double, double, double> real)
        {
            object a = Number(left), b = Number(right);
            if (a is double || b is double) return real(Convert.ToDouble(a, CultureInfo.InvariantCulture), Convert.ToDouble(b, CultureInfo.InvariantCulture));
            if (a is long x && b is long y)
            {
                try
                {
                    return whole(x, y);
                }
                catch (OverflowException)
                {
                    return real(x, y);
                }
            }
            return exact(Convert.ToDecimal(a, CultureInfo.InvariantCulture), Convert.ToDecimal(b, CultureInfo.InvariantCulture));
        }

        /// <summary>The operand as a long, decimal or double.</summary>
        private static object Number(object? value)
        {
            switch (value)
            {
                case null:
                    return 0L;
                case long _:
                case decimal _:
                case double _:
                    return value;
                case int small:
                    return (long)small;
                case short _:
                case byte _:
                case sbyte _:
                case ushort _:
                case uint _:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture);
                case float single:
                    return (double)single;
                case ulong big:
                    return (decimal)big;
                case string text:
                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsedWhole)) return parsedWhole;
                    if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsedExact)) return parsedExact;
                    return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                default:
                    throw new InvalidCastException($"Arithmetic needs numbers (or a date and a duration); got {value.GetType().Name}.");
            }
        }
    }
}
