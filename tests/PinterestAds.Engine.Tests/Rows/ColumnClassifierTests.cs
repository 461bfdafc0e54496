using PinterestAds.Engine.Rows;
using Xunit;

namespace PinterestAds.Engine.Tests.Rows;

public class ColumnClassifierTests
{
    [Fact]
    public void Catalogue_has_the_expected_column_enums()
    {
        // Guards the test below against silently classifying an empty list.
        Assert.True(CatalogColumns.Sync().Count >= 170, $"sync columns: {CatalogColumns.Sync().Count}");
        Assert.True(CatalogColumns.Async().Count >= 600, $"async columns: {CatalogColumns.Async().Count}");
    }

    [Fact]
    public void Every_catalogue_column_is_classified()
    {
        var unclassified = CatalogColumns.Sync().Concat(CatalogColumns.Async()).Distinct()
            .Where(c => ColumnClassifier.Classify(c) == ColumnKind.Unknown)
            .ToList();
        Assert.True(unclassified.Count == 0, "Unclassified columns: " + string.Join(", ", unclassified));
    }

    [Theory]
    [InlineData("DATE", ColumnKind.Date)]
    [InlineData("CAMPAIGN_ID", ColumnKind.Text)]
    [InlineData("AD_GROUP_ID", ColumnKind.Text)]
    [InlineData("PIN_PROMOTION_ID", ColumnKind.Text)]
    [InlineData("CAMPAIGN_NAME", ColumnKind.Text)]
    [InlineData("CAMPAIGN_STATUS", ColumnKind.Text)]
    [InlineData("CAMPAIGN_ENTITY_STATUS", ColumnKind.Text)]
    [InlineData("CAMPAIGN_OBJECTIVE_TYPE", ColumnKind.Text)]
    [InlineData("AD_GROUP_BUDGET_TYPE", ColumnKind.Text)]
    [InlineData("CAMPAIGN_BRAND_LABEL", ColumnKind.Text)]
    [InlineData("CAMPAIGN_CUSTOM_LABELS", ColumnKind.Text)]
    [InlineData("PRODUCT_ITEM_IMAGE_URL", ColumnKind.Text)]
    [InlineData("PRODUCT_ITEM_CURRENCY", ColumnKind.Text)]
    [InlineData("PRODUCT_GROUP_AD_IMAGE_TAG", ColumnKind.Text)]
    [InlineData("IS_PREMIERE_CAMPAIGN", ColumnKind.Boolean)]
    [InlineData("SPEND_IN_MICRO_DOLLAR", ColumnKind.Integer)]
    [InlineData("AD_GROUP_BID_IN_MICRO_CURRENCY", ColumnKind.Integer)]
    [InlineData("CPC_IN_CURRENCY", ColumnKind.Decimal)]
    [InlineData("TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR", ColumnKind.Integer)]
    [InlineData("CPCV_P95_IN_MICRO_DOLLAR", ColumnKind.Integer)]
    [InlineData("PAID_IMPRESSION", ColumnKind.Integer)]
    [InlineData("IMPRESSION_1", ColumnKind.Integer)]
    [InlineData("CLICKTHROUGH_1_GROSS", ColumnKind.Integer)]
    [InlineData("TOTAL_CLICKTHROUGH", ColumnKind.Integer)]
    [InlineData("TOTAL_CHECKOUT_MOBILE_ACTION_TO_DESKTOP_CONVERSION", ColumnKind.Integer)]
    [InlineData("VIDEO_P100_COMPLETE_2", ColumnKind.Integer)]
    [InlineData("SHOWCASE_SUBPIN_SWIPE_LEFT", ColumnKind.Integer)]
    [InlineData("QUIZ_COMPLETED", ColumnKind.Integer)]
    [InlineData("LEADS", ColumnKind.Integer)]
    [InlineData("SPEND_IN_DOLLAR", ColumnKind.Decimal)]
    [InlineData("COST_PER_OUTBOUND_CLICK_IN_DOLLAR_1", ColumnKind.Decimal)]
    [InlineData("ECPC_IN_DOLLAR", ColumnKind.Decimal)]
    [InlineData("CTR", ColumnKind.Decimal)]
    [InlineData("CTR_2", ColumnKind.Decimal)]
    [InlineData("ECTR", ColumnKind.Decimal)]
    [InlineData("OUTBOUND_CTR_1", ColumnKind.Decimal)]
    [InlineData("TOTAL_CHECKOUT_CONVERSION_RATE", ColumnKind.Decimal)]
    [InlineData("PAGE_VISIT_ROAS", ColumnKind.Decimal)]
    [InlineData("WEB_CHECKOUT_COST_PER_ACTION", ColumnKind.Decimal)]
    [InlineData("COST_PER_LEAD", ColumnKind.Decimal)]
    [InlineData("TOTAL_IMPRESSION_FREQUENCY", ColumnKind.Decimal)]
    [InlineData("TOTAL_REPIN_RATE", ColumnKind.Decimal)]
    [InlineData("VIDEO_AVG_WATCHTIME_IN_SECOND_1", ColumnKind.Decimal)]
    [InlineData("SHOWCASE_AVERAGE_SUBPAGE_CLOSEUP_PER_SESSION", ColumnKind.Decimal)]
    [InlineData("AD_GROUP_BUDGET_IN_LOCAL_CURRENCY", ColumnKind.Decimal)]
    [InlineData("CAMPAIGN_DAILY_SPEND_CAP", ColumnKind.Decimal)]
    [InlineData("PRODUCT_ITEM_SALE_PRICE", ColumnKind.Decimal)]
    [InlineData("AD_GROUP_BID_MULTIPLIER", ColumnKind.Decimal)]
    [InlineData("spend_in_dollar", ColumnKind.Decimal)]
    [InlineData("SOMETHING_NEW", ColumnKind.Unknown)]
    public void Classifies_known_columns(string column, ColumnKind expected)
    {
        Assert.Equal(expected, ColumnClassifier.Classify(column));
    }
}
