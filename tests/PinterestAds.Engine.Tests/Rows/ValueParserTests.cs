using System.Text;
using PinterestAds.Engine.Rows;
using Xunit;

namespace PinterestAds.Engine.Tests.Rows;

public class ValueParserTests
{
    private static object? Parse(ColumnKind kind, string text, bool zeroFill = false) =>
        ValueParser.Parse(kind, Encoding.UTF8.GetBytes(text), zeroFill);

    [Fact]
    public void Integers_are_longs()
    {
        Assert.Equal(123456789012L, Parse(ColumnKind.Integer, "123456789012"));
        Assert.Equal(-5L, Parse(ColumnKind.Integer, "-5"));
        Assert.IsType<long>(Parse(ColumnKind.Integer, "0"));
    }

    [Fact]
    public void Integer_column_receiving_a_fraction_keeps_it_as_decimal()
    {
        Assert.Equal(1.5m, Parse(ColumnKind.Integer, "1.5"));
    }

    [Fact]
    public void Integer_column_receiving_a_huge_exponent_keeps_it_as_double()
    {
        Assert.Equal(1e300, Parse(ColumnKind.Integer, "1e300"));
    }

    [Fact]
    public void Unparseable_numbers_are_kept_as_text_not_zeroed()
    {
        Assert.Equal("n/a", Parse(ColumnKind.Integer, "n/a"));
        Assert.Equal("12,5", Parse(ColumnKind.Decimal, "12,5"));
        Assert.Equal("1 000", Parse(ColumnKind.Integer, "1 000"));
    }

    [Theory]
    [InlineData("0.0123", "0.0123")]
    [InlineData("30", "30")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("1.5E-05", "0.000015")]
    [InlineData("2e3", "2000")]
    public void Decimals_use_invariant_culture(string text, string expected)
    {
        object? value = Parse(ColumnKind.Decimal, text);
        Assert.IsType<decimal>(value);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (decimal)value!);
    }

    [Fact]
    public void Dates_parse_with_optional_hour()
    {
        Assert.Equal(new DateTime(2026, 1, 31), Parse(ColumnKind.Date, "2026-01-31"));
        Assert.Equal(new DateTime(2026, 1, 31, 14, 0, 0), Parse(ColumnKind.Date, "2026-01-31 14:00:00"));
        Assert.Equal(new DateTime(2026, 1, 31, 14, 30, 0), Parse(ColumnKind.Date, "2026-01-31T14:30"));
        Assert.Equal(new DateTime(2026, 1, 31, 9, 0, 0), Parse(ColumnKind.Date, "2026-01-31 09"));
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)Parse(ColumnKind.Date, "2026-01-31")!).Kind);
    }

    [Fact]
    public void Invalid_dates_are_kept_as_text()
    {
        Assert.Equal("2026-02-30", Parse(ColumnKind.Date, "2026-02-30"));
        Assert.Equal("31/01/2026", Parse(ColumnKind.Date, "31/01/2026"));
    }

    [Fact]
    public void Text_is_decoded_as_utf8()
    {
        Assert.Equal("Café ☕ 🎉", Parse(ColumnKind.Text, "Café ☕ 🎉"));
        Assert.Equal("00123", Parse(ColumnKind.Text, "00123"));
    }

    [Fact]
    public void Booleans_parse_and_fall_back_to_text()
    {
        Assert.Equal(true, Parse(ColumnKind.Boolean, "true"));
        Assert.Equal(false, Parse(ColumnKind.Boolean, "False"));
        Assert.Equal("yes", Parse(ColumnKind.Boolean, "yes"));
    }

    [Fact]
    public void Empty_values_are_null_or_zero_when_zero_filling()
    {
        Assert.Null(Parse(ColumnKind.Integer, ""));
        Assert.Equal(0L, Parse(ColumnKind.Integer, "", zeroFill: true));
        Assert.Equal(0m, Parse(ColumnKind.Decimal, "", zeroFill: true));
        Assert.Null(Parse(ColumnKind.Text, "", zeroFill: true));
        Assert.Null(Parse(ColumnKind.Date, "", zeroFill: true));
    }

    [Fact]
    public void Unknown_columns_infer_number_or_text()
    {
        Assert.Equal(7L, Parse(ColumnKind.Unknown, "7"));
        Assert.Equal(7.25m, Parse(ColumnKind.Unknown, "7.25"));
        Assert.Equal("seven", Parse(ColumnKind.Unknown, "seven"));
    }

    [Fact]
    public void Counts_below_65536_share_one_box_per_value_and_larger_ones_get_their_own()
    {
        object first = Parse(ColumnKind.Integer, "2405")!, again = Parse(ColumnKind.Integer, "2405")!;
        Assert.Equal(2405L, first);
        Assert.Same(first, again);
        Assert.Same(Parse(ColumnKind.Integer, "65535"), Parse(ColumnKind.Integer, "65535"));
        object large = Parse(ColumnKind.Integer, "19530058")!;
        Assert.Equal(19530058L, large);
        Assert.NotSame(large, Parse(ColumnKind.Integer, "19530058"));
        Assert.Equal(-3L, Parse(ColumnKind.Integer, "-3"));
    }
}
