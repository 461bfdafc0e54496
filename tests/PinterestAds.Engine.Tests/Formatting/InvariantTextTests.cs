using System.Globalization;
using PinterestAds.Engine.Formatting;

namespace PinterestAds.Engine.Tests.Formatting;

/// <summary>The culture-independent text the export views give Export-Csv, and exact micro-units.</summary>
public class InvariantTextTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    [InlineData("ja-JP")]
    [InlineData("ar-SA")]
    public void Dates_numbers_and_timestamps_have_the_same_text_in_every_culture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal("2026-11-28", InvariantText.ForExport(new DateTime(2026, 11, 28)));
            Assert.Equal("2026-11-28T07:00", InvariantText.ForExport(new DateTime(2026, 11, 28, 7, 0, 0)));
            Assert.Equal("2026-11-28T07:30:15", InvariantText.ForExport(new DateTime(2026, 11, 28, 7, 30, 15)));
            Assert.Equal("25.158397", InvariantText.ForExport(25.158397m));
            Assert.Equal("-1234567.5", InvariantText.ForExport(-1234567.5m));
            Assert.Equal("-42", InvariantText.ForExport(-42L));
            Assert.Equal("2024-02-25T01:02:03Z", InvariantText.ForExport(new DateTimeOffset(2024, 2, 25, 3, 2, 3, TimeSpan.FromHours(2))));
            Assert.Equal("0.1", InvariantText.ForExport(0.1d));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Values_whose_text_never_depends_on_the_culture_are_returned_as_they_are()
    {
        object count = 1234567890123L;
        Assert.Same(count, InvariantText.ForExport(count));
        object flag = true;
        Assert.Same(flag, InvariantText.ForExport(flag));
        Assert.Equal("text", InvariantText.ForExport("text"));
        Assert.Null(InvariantText.ForExport(null));
    }

    [Theory]
    [InlineData(1_500_000_000L, "1500")]
    [InlineData(111_000_000L, "111")]
    [InlineData(1L, "0.000001")]
    [InlineData(12_345_678L, "12.345678")]
    [InlineData(-2_500_000L, "-2.5")]
    [InlineData(0L, "0")]
    [InlineData(long.MaxValue, "9223372036854.775807")]
    public void Micro_units_become_exact_currency_amounts(long micro, string expected)
    {
        decimal amount = MicroUnits.ToCurrencyUnits(micro);
        Assert.Equal(expected, amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(micro, (long)(amount * MicroUnits.PerUnit));
    }

    [Fact]
    public void Micro_unit_values_of_other_kinds_convert_exactly_or_stay_as_they_are()
    {
        Assert.Equal(1500m, MicroUnits.ToCurrencyUnits((object)1_500_000_000L));
        Assert.Equal(0.5m, MicroUnits.ToCurrencyUnits((object)500_000m));
        Assert.Equal("n/a", MicroUnits.ToCurrencyUnits((object)"n/a"));
        Assert.Null(MicroUnits.ToCurrencyUnits((long?)null));
        Assert.Equal(-9223372036854.775808m, MicroUnits.ToCurrencyUnits(long.MinValue));
    }
}
