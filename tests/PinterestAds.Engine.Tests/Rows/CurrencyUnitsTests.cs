using System.Collections;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Tests.Rows;

/// <summary>-CurrencyUnits: the naming rule over the whole catalogue, and rows reshaped with exact decimal amounts.</summary>
public class CurrencyUnitsTests
{
    // The non-generic view, as Export-Csv reads it (the generic one enumerates KeyValuePairs).
    private static List<DictionaryEntry> Entries(object row)
    {
        var entries = new List<DictionaryEntry>();
        foreach (DictionaryEntry entry in (IDictionary)row) entries.Add(entry);
        return entries;
    }

    [Theory]
    [InlineData("SPEND_IN_MICRO_DOLLAR", "SPEND_IN_LOCAL_CURRENCY")]
    [InlineData("CPC_IN_MICRO_DOLLAR", "CPC_IN_LOCAL_CURRENCY")]
    [InlineData("CONVERSIONS_VALUE_IN_MICRO_DOLLAR_1", "CONVERSIONS_VALUE_IN_LOCAL_CURRENCY_1")]
    [InlineData("total_checkout_value_in_micro_dollar", "total_checkout_value_IN_LOCAL_CURRENCY")]
    [InlineData("AD_GROUP_BID_IN_MICRO_CURRENCY", "AD_GROUP_BID_IN_CURRENCY")]
    [InlineData("CPC_IN_MICRO_CURRENCY", "CPC_IN_CURRENCY")]
    [InlineData("SPEND_IN_MICRO_US_DOLLAR", null)]
    [InlineData("TOTAL_CONVERSION_PRODUCT_VALUE_IN_MICRO_USD", null)]
    [InlineData("SPEND_IN_DOLLAR", null)]
    [InlineData("IMPRESSION_1", null)]
    public void Micro_unit_columns_are_renamed_to_currency_unit_names_and_nothing_else(string column, string? expected) =>
        Assert.Equal(expected, CurrencyUnitColumns.CurrencyUnitName(column));

    [Fact]
    public void No_renamed_column_meets_a_catalogue_column_or_another_renamed_one()
    {
        var all = new HashSet<string>(CatalogColumns.Sync().Concat(CatalogColumns.Async()), StringComparer.OrdinalIgnoreCase);
        var renamed = all.Select(c => (Column: c, Name: CurrencyUnitColumns.CurrencyUnitName(c))).Where(p => p.Name != null).ToList();
        Assert.Contains(renamed, p => p.Column == "SPEND_IN_MICRO_DOLLAR");
        Assert.All(renamed, p => Assert.DoesNotContain(p.Name!, all));
        Assert.Equal(renamed.Count, renamed.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Yen_micro_units_become_exact_decimals_in_place_of_their_column()
    {
        var schema = RowSchema.ForAnalytics("CAMPAIGN_ID", includeDate: false, includeTargeting: false,
            new[] { "SPEND_IN_MICRO_DOLLAR", "IMPRESSION_1", "CPC_IN_MICRO_DOLLAR", "SPEND_IN_DOLLAR" });
        var activator = RowTypeFactory.For<AnalyticsRow>(schema);
        var row = activator.Create(new object?[] { "1", "JPY", "CAMPAIGN", "9", 1_500_000_000L, 42L, 12_500L, 1500.25m });

        var reshaped = new RowReshaper<AnalyticsRow>(currencyUnits: true).Reshape(row);

        var values = Entries(reshaped).ToList();
        Assert.Equal(new[] { "AdAccountId", "Currency", "Level", "CAMPAIGN_ID", "SPEND_IN_LOCAL_CURRENCY", "IMPRESSION_1", "CPC_IN_LOCAL_CURRENCY", "SPEND_IN_DOLLAR" },
            values.Select(e => (string)e.Key));
        var spend = Assert.IsType<decimal>(values[4].Value);
        Assert.Equal(1500m, spend);
        Assert.Equal("1500", spend.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.0125m, values[6].Value);
        Assert.Equal(42L, values[5].Value);
        Assert.Equal(1500.25m, values[7].Value);
        Assert.Equal("JPY", values[1].Value);
        Assert.IsAssignableFrom<AnalyticsRow>(reshaped);
    }

    [Fact]
    public void Missing_amounts_stay_missing_and_rows_without_micro_columns_pass_through()
    {
        var withMicro = RowTypeFactory.For<AnalyticsRow>(RowSchema.ForAnalytics("AD_ID", false, false, new[] { "SPEND_IN_MICRO_DOLLAR" }));
        var reshaper = new RowReshaper<AnalyticsRow>(currencyUnits: true);
        var row = reshaper.Reshape(withMicro.Create(new object?[] { "1", "USD", "AD", "7", null }));
        Assert.Null(((IDictionary)row)["SPEND_IN_LOCAL_CURRENCY"]);

        var plain = RowTypeFactory.For<AnalyticsRow>(RowSchema.ForAnalytics("AD_ID", false, false, new[] { "IMPRESSION_1" })).Create(new object?[] { "1", "USD", "AD", "7", 3L });
        Assert.Same(plain, reshaper.Reshape(plain));
    }

    [Fact]
    public void An_inserted_column_goes_right_after_its_anchor()
    {
        var schema = new RowSchema(new[] { new RowColumn("AdAccountId", ColumnKind.Text), new RowColumn("KEYWORD_ID", ColumnKind.Text), new RowColumn("SPEND_IN_DOLLAR") });
        var row = RowTypeFactory.For<ReportRow>(schema).Create(new object?[] { "1", "55", 2.5m });
        var reshaper = new RowReshaper<ReportRow>(currencyUnits: false, "KEYWORD_ID", "KeywordText");
        Assert.True(reshaper.Inserts(row));
        var reshaped = reshaper.Reshape(row, r => "summer shoes");
        Assert.Equal(new object?[] { "1", "55", "summer shoes", 2.5m }, Entries(reshaped).Select(e => e.Value).ToArray());
        Assert.Equal("KeywordText", Entries(reshaped).ElementAt(2).Key);
    }
}
