using System.Collections;
using System.Globalization;
using PinterestAds.Engine.Formatting;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Tests.Formatting;

/// <summary>
/// The export views' values: invariant text for Export-Csv, and the typed value's behaviour for
/// everything else (comparison, equality, conversion, arithmetic) - PowerShell's side is in
/// tests/Pester/CsvCultures.Tests.ps1.
/// </summary>
public class InvariantValueTests
{
    private static InvariantValue Wrap(object value) => Assert.IsType<InvariantValue>(InvariantValue.ForExport(value));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    [InlineData("ja-JP")]
    [InlineData("ar-SA")]
    public void ToString_is_the_invariant_text_in_every_culture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal("2026-11-28", Wrap(new DateTime(2026, 11, 28)).ToString());
            Assert.Equal("2026-11-28T07:00", Wrap(new DateTime(2026, 11, 28, 7, 0, 0)).ToString());
            Assert.Equal("2026-11-28T00:00", InvariantValue.ForHour(new DateTime(2026, 11, 28)).ToString());
            Assert.Equal("2026-11-28T13:00", InvariantValue.ForHour(new DateTime(2026, 11, 28, 13, 0, 0)).ToString());
            Assert.Equal("25.158397", Wrap(25.158397m).ToString());
            Assert.Equal("-1234567.5", Wrap(-1234567.5m).ToString());
            Assert.Equal("0.1", Wrap(0.1d).ToString());
            Assert.Equal("-42", Wrap(-42L).ToString());
            Assert.Equal("2024-02-25T01:02:03Z", Wrap(new DateTimeOffset(2024, 2, 25, 3, 2, 3, TimeSpan.FromHours(2))).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Values_whose_text_is_already_invariant_are_not_wrapped()
    {
        Assert.Null(InvariantValue.ForExport(null));
        Assert.Equal("Spring", InvariantValue.ForExport("Spring"));
        Assert.Equal(7L, InvariantValue.ForExport(7L));
        Assert.Equal(true, InvariantValue.ForExport(true));
        Assert.Equal(Granularity.Day, InvariantValue.ForExport(Granularity.Day));
    }

    [Fact]
    public void Compares_with_numbers_text_and_wrappers_as_the_held_number()
    {
        InvariantValue spend = Wrap(25.5m);
        Assert.True(spend.CompareTo(100) < 0, "25.5 < 100 as numbers (as text '25.5' > '100')");
        Assert.True(spend.CompareTo(9L) > 0);
        Assert.True(spend.CompareTo(25.4d) > 0);
        Assert.Equal(0, spend.CompareTo((InvariantValue)"25.50"));
        Assert.True(spend.CompareTo((InvariantValue)100) < 0);
        Assert.True(spend.CompareTo(Wrap(30m)) < 0);
        Assert.True(spend.CompareTo(null) > 0);
        Assert.True(spend.Equals(25.5m));
        Assert.True(spend.Equals((InvariantValue)"25.5"));
        Assert.True(spend.Equals(Wrap(25.5d)));
        Assert.False(spend.Equals((InvariantValue)"abc"));
        Assert.False(spend.Equals(null));
        Assert.Equal(Wrap(5m).GetHashCode(), Wrap(5.0m).GetHashCode());
        Assert.Throws<FormatException>(() => spend.CompareTo((InvariantValue)"abc"));
        Assert.Equal(0, Wrap(1000m).CompareTo((InvariantValue)"1,000")); // as PowerShell's [decimal]'1,000'
    }

    [Fact]
    public void Compares_with_dates_and_text_as_the_held_date()
    {
        InvariantValue day = Wrap(new DateTime(2026, 11, 28));
        Assert.Equal(0, day.CompareTo((InvariantValue)"2026-11-28"));
        Assert.True(day.CompareTo((InvariantValue)"2026-11-29") < 0);
        Assert.True(day.CompareTo(new DateTime(2026, 11, 1)) > 0);
        Assert.True(day.Equals((InvariantValue)new DateTime(2026, 11, 28)));
        InvariantValue created = Wrap(new DateTimeOffset(2024, 2, 25, 0, 0, 0, TimeSpan.Zero));
        Assert.True(created.CompareTo(DateTimeOffset.UtcNow) < 0);
        Assert.Equal(0, created.CompareTo((InvariantValue)"2024-02-25T00:00:00Z"));
    }

    [Fact]
    public void Formats_and_converts_as_the_held_value()
    {
        var german = new CultureInfo("de-DE");
        Assert.Equal("25,5", Wrap(25.5m).ToString(null, german));
        Assert.Equal(25.5m.ToString("N2", german), Wrap(25.5m).ToString("N2", german));
        Assert.Equal(new DateTime(2026, 11, 28).ToString(CultureInfo.InvariantCulture), Wrap(new DateTime(2026, 11, 28)).ToString(null, CultureInfo.InvariantCulture));
        Assert.Equal(25.5m, Convert.ToDecimal(Wrap(25.5m), CultureInfo.InvariantCulture));
        Assert.Equal(25.5d, Convert.ToDouble(Wrap(25.5m), CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2026, 11, 28), Convert.ToDateTime(Wrap(new DateTime(2026, 11, 28)), CultureInfo.InvariantCulture));
        Assert.Equal(TypeCode.Decimal, ((IConvertible)Wrap(25.5m)).GetTypeCode());
    }

    [Fact]
    public void Arithmetic_gives_the_typed_results_PowerShell_gives()
    {
        Assert.Equal(26.5m, Wrap(25.5m) + 1);
        Assert.Equal(26.5m, 1 + Wrap(25.5m));
        Assert.Equal(51m, Wrap(25.5m) * 2);
        Assert.Equal(12.75m, Wrap(25.5m) / 2);
        Assert.Equal(25.5d - 0.5d, Wrap(25.5m) - 0.5d);
        Assert.Equal(-25.5m, -Wrap(25.5m));
        Assert.Equal(-41L, Wrap(-42L) + 1);
        Assert.Equal(-21L, Wrap(-42L) / 2);
        Assert.Equal(-10.5d, Wrap(-42L) / 4);
        Assert.Equal(26.5m, Wrap(25.5m) + (InvariantValue)"1");
        Assert.Equal(TimeSpan.FromDays(27), Wrap(new DateTime(2026, 11, 28)) - new DateTime(2026, 11, 1));
        Assert.Equal(new DateTime(2026, 11, 29), Wrap(new DateTime(2026, 11, 28)) + TimeSpan.FromDays(1));
        Assert.Throws<InvalidCastException>(() => Wrap(new DateTime(2026, 11, 28)) * 2);
    }

    [Fact]
    public void A_row_s_export_view_wraps_dates_and_decimals_and_its_typed_view_does_not()
    {
        RowSchema schema = RowSchema.ForAnalytics("CAMPAIGN_ID", includeDate: true, includeTargeting: false, new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1" });
        IDictionary row = RowTypeFactory.For<ReportRow>(schema).Create(new object?[]
        {
            "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), 12.5m, 7L,
        });
        Assert.Equal("2026-01-02", Assert.IsType<InvariantValue>(row["DATE"]).ToString());
        Assert.Equal("12.5", Assert.IsType<InvariantValue>(row["SPEND_IN_DOLLAR"]).ToString());
        Assert.Equal(7L, row["IMPRESSION_1"]);
        Assert.IsType<DateTime>(((IDictionary<string, object?>)row)["DATE"]);
        Assert.IsType<decimal>(((IDictionary<string, object?>)row)["SPEND_IN_DOLLAR"]);
        Assert.IsType<decimal>(row.Values.Cast<object?>().ElementAt(5));
    }

    [Fact]
    public void An_hourly_row_shows_the_hour_at_midnight_and_a_daily_row_of_the_same_columns_does_not()
    {
        string[] columns = { "SPEND_IN_DOLLAR" };
        object?[] values = { "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), 12.5m };
        IDictionary hourly = RowTypeFactory.For<ReportRow>(RowSchema.ForAnalytics("CAMPAIGN_ID", true, false, columns, hourly: true)).Create(values);
        IDictionary daily = RowTypeFactory.For<ReportRow>(RowSchema.ForAnalytics("CAMPAIGN_ID", true, false, columns)).Create(values);
        Assert.Equal("2026-01-02T00:00", hourly["DATE"]!.ToString());
        Assert.Equal("2026-01-02", daily["DATE"]!.ToString());
    }
}
