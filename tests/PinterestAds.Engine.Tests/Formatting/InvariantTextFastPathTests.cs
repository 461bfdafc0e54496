using System.Globalization;
using PinterestAds.Engine.Formatting;
using Xunit;

namespace PinterestAds.Engine.Tests.Formatting;

/// <summary>
/// Export-Csv writes decimals through <see cref="InvariantText.Decimal"/>, which must give exactly the framework's
/// invariant text, and dates through a cache of day texts, which must never hand out another day's text
/// (CsvCultures pins the bytes of whole files; these pin every kind of decimal and date).
/// </summary>
public class InvariantTextFastPathTests
{
    public static IEnumerable<object[]> Edges() => new[]
    {
        0m, 0.00m, -0.0m, 1m, -1m, 0.5m, -0.5m, 1.10m, 100m, 19.530058m, 0.02370062m, -0.0001m, 0.000000000000000000000000001m,
        18446744073709551615m, 18446744073709551616m, -18446744073709551615.5m, decimal.MaxValue, decimal.MinValue,
        decimal.MaxValue / 1000m, 1500000000m / 1000000m, 1234.5678900000m, 7.9228162514264337593543950335m,
    }.Select(d => new object[] { d });

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edge_values_are_written_as_the_framework_writes_them(decimal number) =>
        Assert.Equal(number.ToString(CultureInfo.InvariantCulture), InvariantText.Decimal(number));

    [Fact]
    public void Random_amounts_of_every_scale_and_sign_are_written_as_the_framework_writes_them()
    {
        var random = new Random(15);
        for (int i = 0; i < 200_000; i++)
        {
            // Mantissas of every width (up to 96 bits) with every scale 0..28 and both signs.
            int lo = random.Next(int.MinValue, int.MaxValue), mid = random.Next(4) == 0 ? 0 : random.Next(int.MinValue, int.MaxValue);
            int hi = random.Next(3) == 0 ? random.Next(int.MinValue, int.MaxValue) : 0;
            var number = new decimal(lo, mid, hi, random.Next(2) == 0, (byte)random.Next(29));
            Assert.Equal(number.ToString(CultureInfo.InvariantCulture), InvariantText.Decimal(number));
        }
    }

    [Fact]
    public void Export_text_of_a_decimal_is_its_invariant_text_in_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("25.158397", InvariantText.ForExport(25.158397m));
            Assert.Equal("-1234.50", InvariantValue.ForExport(-1234.50m)!.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Dates_that_share_a_cache_slot_keep_their_own_text()
    {
        var day = new DateTime(2026, 11, 28);
        // 1024 days apart: the same slot of the day-text cache, taken in turn.
        foreach (var date in new[] { day, day.AddDays(1024), day, day.AddDays(-1024), day.AddDays(1), day })
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), InvariantText.Date(date));
        Assert.Equal("2026-11-28T05:00", InvariantText.Date(day.AddHours(5)));
        Assert.Equal("2026-11-28", InvariantText.Date(day));
        Assert.Equal("2026-11-28T00:00", InvariantText.Hour(day));
    }

    [Fact]
    public void A_calendar_date_hands_out_one_shared_wrapper_that_holds_its_own_day()
    {
        var day = new DateTime(2026, 11, 28);
        var first = InvariantValue.ForExport(day);
        // Every row of a day: the same wrapper, not a new one per row.
        Assert.Same(first, InvariantValue.ForExport(new DateTime(2026, 11, 28)));
        // 1024 days apart share a slot; each still gets a wrapper of its own day (and kind), with its own text.
        foreach (var date in new[] { day, day.AddDays(1024), day, day.AddDays(-1024), DateTime.SpecifyKind(day, DateTimeKind.Utc), day })
        {
            var wrapper = Assert.IsType<InvariantValue>(InvariantValue.ForExport(date));
            var held = Assert.IsType<DateTime>(wrapper.Value);
            Assert.Equal(date.Ticks, held.Ticks);
            Assert.Equal(date.Kind, held.Kind);
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), wrapper.ToString());
        }
        // A time of day is not a calendar date: its own wrapper, with the time in its text.
        Assert.Equal("2026-11-28T05:00", InvariantValue.ForExport(day.AddHours(5))!.ToString());
    }

    [Fact]
    public void Random_dates_have_their_own_text_however_the_cache_is_used()
    {
        var random = new Random(28);
        var start = new DateTime(2000, 1, 1);
        for (int i = 0; i < 20_000; i++)
        {
            var date = start.AddDays(random.Next(0, 20_000));
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), InvariantText.Date(date));
        }
    }
}
