using PinterestAds.Engine.Analytics;
using Xunit;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Tests.Analytics;

public class ColumnResolverTests
{
    private static IReadOnlyList<string> Allowed => AnalyticsOperation.For(AnalyticsLevel.Campaign, targeting: false).Columns;

    private static readonly MetricName[] Catalogue =
    {
        new("CLICKTHROUGH_2", "Earned Pin clicks"),
        new("SPEND_IN_DOLLAR", "Spend"),
        new("SOME_ASYNC_ONLY_METRIC", "Async thing"),
    };

    [Fact]
    public void Api_names_match_any_case_and_keep_the_requested_order_without_duplicates()
    {
        var columns = ColumnResolver.Resolve(new[] { "impression_1", "SPEND_IN_DOLLAR", "Impression_1" }, Allowed, null);
        Assert.Equal(new[] { "IMPRESSION_1", "SPEND_IN_DOLLAR" }, columns);
    }

    [Fact]
    public void Wildcards_expand_in_the_description_order()
    {
        var columns = ColumnResolver.Resolve(new[] { "CLICKTHROUGH_*" }, Allowed, null);
        Assert.Equal(Allowed.Where(c => c.StartsWith("CLICKTHROUGH_", StringComparison.Ordinal)), columns);
        Assert.Contains("CLICKTHROUGH_1", columns);
    }

    [Fact]
    public void Display_names_resolve_through_the_catalogue()
    {
        var columns = ColumnResolver.Resolve(new[] { "earned  pin clicks", "Spend" }, Allowed, Catalogue);
        Assert.Equal(new[] { "CLICKTHROUGH_2", "SPEND_IN_DOLLAR" }, columns);
    }

    [Fact]
    public void A_typo_fails_naming_the_closest_columns()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ColumnResolver.Resolve(new[] { "SPEND_IN_DOLARS" }, Allowed, null));
        Assert.Equal("UnknownColumn", error.ErrorId);
        Assert.Equal("Column", error.ParameterName);
        Assert.Contains("did you mean SPEND_IN_DOLLAR", error.Message);
    }

    [Fact]
    public void Every_unknown_column_is_reported_at_once()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ColumnResolver.Resolve(new[] { "IMPRESION_1", "SPEND_IN_DOLLAR", "CLIKTHROUGH_1" }, Allowed, null));
        Assert.Contains("'IMPRESION_1'", error.Message);
        Assert.Contains("IMPRESSION_1", error.Message);
        Assert.Contains("'CLIKTHROUGH_1'", error.Message);
        Assert.Contains("CLICKTHROUGH_1", error.Message);
    }

    [Fact]
    public void A_display_name_of_a_metric_sync_analytics_lack_says_so()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ColumnResolver.Resolve(new[] { "Async thing" }, Allowed, Catalogue));
        Assert.Contains("SOME_ASYNC_ONLY_METRIC", error.Message);
        Assert.Contains("New-PinAsyncReport", error.Message);
    }

    [Fact]
    public void A_pattern_matching_nothing_fails()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ColumnResolver.Resolve(new[] { "NOPE_*" }, Allowed, null));
        Assert.Equal("UnknownColumn", error.ErrorId);
    }

    [Fact]
    public void No_columns_fails()
    {
        var error = Assert.Throws<PinterestValidationException>(() => ColumnResolver.Resolve(new[] { " " }, Allowed, null));
        Assert.Equal("ColumnRequired", error.ErrorId);
    }

    [Theory]
    [InlineData("SPEND_IN_DOLARS", false)] // an API-shaped typo fails without fetching anything
    [InlineData("spend_in_dolars", false)]
    [InlineData("IMPRESSION_1", false)]
    [InlineData("CLICK*", false)]
    [InlineData("Earned Pin clicks", true)]
    [InlineData("Spend", true)]
    public void Only_display_name_shaped_input_needs_the_catalogue(string input, bool needed)
    {
        Assert.Equal(needed, ColumnResolver.NeedsDisplayNames(new[] { input }, Allowed));
    }

    [Fact]
    public void Suggestions_favour_names_containing_the_input()
    {
        var closest = ColumnResolver.Closest("CLICKTHROUGH", Allowed, null);
        Assert.Contains("CLICKTHROUGH_1", closest);
        Assert.Equal(3, EditDistance.Between("kitten", "sitting"));
    }
}
