using System.Globalization;
using PinterestAds.Engine.Sync;
using PinterestAds.Engine.Sync.Destinations;

namespace PinterestAds.Engine.Tests.Sync;

public sealed class SyncDefinitionTests
{
    private static SyncDefinition Campaigns(params string[] columns) =>
        new(AnalyticsLevel.Campaign, columns, Granularity.Day, Array.Empty<AnalyticsTargetingType>(), null, null, null, null);

    [Fact]
    public void TheTableIsKeyedOnAccountEntityAndDateAndEndsWithMetricsFinal()
    {
        var table = Campaigns("SPEND_IN_DOLLAR", "TOTAL_CONVERSIONS").Table;
        Assert.Equal(new[] { "AdAccountId", "Currency", "Level", "CAMPAIGN_ID", "DATE", "SPEND_IN_DOLLAR", "TOTAL_CONVERSIONS", "MetricsFinal" }, table.Names);
        Assert.Equal(new[] { "AdAccountId", "CAMPAIGN_ID", "DATE" }, table.KeyOrdinals.Select(i => table.Columns[i].Name));
        Assert.Equal(SyncValueKind.Decimal, table.Columns[5].Kind);
        Assert.Equal(SyncValueKind.Integer, table.Columns[6].Kind);
    }

    [Fact]
    public void TargetingTablesAreKeyedOnTheTargetingTypeAndValueToo()
    {
        var table = new SyncDefinition(AnalyticsLevel.AdAccount, new[] { "SPEND_IN_DOLLAR" }, Granularity.Day, new[] { AnalyticsTargetingType.Gender }, null, null, null, null).Table;
        Assert.Equal(new[] { "AdAccountId", "DATE", "TargetingType", "TargetingValue" }, table.KeyOrdinals.Select(i => table.Columns[i].Name));
    }

    [Fact]
    public void RestateDaysDefaultsToTheLongestAttributionWindow()
    {
        Assert.Equal(30, Campaigns("SPEND_IN_DOLLAR").LongestAttributionWindowDays);
        var shortWindows = new SyncDefinition(AnalyticsLevel.Campaign, new[] { "SPEND_IN_DOLLAR" }, Granularity.Day, Array.Empty<AnalyticsTargetingType>(), 7, 1, 1, null);
        Assert.Equal(7, shortWindows.LongestAttributionWindowDays);
        var longWindow = new SyncDefinition(AnalyticsLevel.Campaign, new[] { "SPEND_IN_DOLLAR" }, Granularity.Day, Array.Empty<AnalyticsTargetingType>(), 60, 1, 1, null);
        Assert.Equal(60, longWindow.LongestAttributionWindowDays);
    }

    [Fact]
    public void DifferencesNameTheFieldAndBothValues()
    {
        var stored = Campaigns("SPEND_IN_DOLLAR", "TOTAL_CONVERSIONS").Serialize();
        Assert.Empty(Campaigns("SPEND_IN_DOLLAR", "TOTAL_CONVERSIONS").Differences(stored));
        var differences = Campaigns("SPEND_IN_DOLLAR").Differences(stored);
        Assert.Equal("-Column: the destination holds 'SPEND_IN_DOLLAR,TOTAL_CONVERSIONS', this run asks for 'SPEND_IN_DOLLAR'", Assert.Single(differences));
    }

    [Theory]
    [InlineData(Granularity.Total)]
    [InlineData(Granularity.Week)]
    [InlineData(Granularity.Month)]
    public void GranularitiesThatSpanDaysAreRefused(Granularity granularity)
    {
        var ex = Assert.Throws<PinterestValidationException>(() =>
            new SyncDefinition(AnalyticsLevel.Campaign, new[] { "SPEND_IN_DOLLAR" }, granularity, Array.Empty<AnalyticsTargetingType>(), null, null, null, null));
        Assert.Equal("SyncGranularityNotSupported", ex.ErrorId);
    }

    [Theory]
    [InlineData(AnalyticsLevel.Keyword)]
    [InlineData(AnalyticsLevel.Pin)]
    public void LevelsWithoutAnAccountWideListingAreRefused(AnalyticsLevel level)
    {
        var ex = Assert.Throws<PinterestValidationException>(() =>
            new SyncDefinition(level, new[] { "SPEND_IN_DOLLAR" }, Granularity.Day, Array.Empty<AnalyticsTargetingType>(), null, null, null, null));
        Assert.Equal("SyncLevelNotSupported", ex.ErrorId);
    }

    [Fact]
    public void CsvValuesAreInvariantWhateverTheCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("1234.5", CsvFolderDestination.Format(SyncValueKind.Decimal, 1234.5m));
            Assert.Equal("2026-06-01", CsvFolderDestination.Format(SyncValueKind.Date, new DateTime(2026, 6, 1)));
            Assert.Equal("2026-06-01 13:00:00", CsvFolderDestination.Format(SyncValueKind.DateTime, new DateTime(2026, 6, 1, 13, 0, 0)));
            Assert.Equal("", CsvFolderDestination.Format(SyncValueKind.Integer, null));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }
}
