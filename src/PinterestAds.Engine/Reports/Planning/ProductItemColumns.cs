using System;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// What PRODUCT_ITEM(_TARGETING) reports refuse. The description (AdsAnalyticsCreateAsyncRequest.columns):
    /// "Pin promotion and ad related columns are not supported for the Product Item level reports". That is the
    /// ad's own columns (AD_ID, AD_NAME, AD_STATUS ...) and PIN_PROMOTION_*; AD_ACCOUNT_ID and the AD_GROUP_*
    /// columns describe the account and the ad group, which product items have, and are valid there.
    /// </summary>
    internal static class ProductItemColumns
    {
        public static bool IsAdColumn(string column) =>
            column.StartsWith("PIN_PROMOTION", StringComparison.Ordinal)
            || (column.StartsWith("AD_", StringComparison.Ordinal)
                && !column.StartsWith("AD_ACCOUNT_", StringComparison.Ordinal)
                && !column.StartsWith("AD_GROUP_", StringComparison.Ordinal));
    }
}
