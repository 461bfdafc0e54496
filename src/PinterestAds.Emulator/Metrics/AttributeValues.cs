using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Metrics;

/// <summary>The entity a row describes, with its ancestors, for attribute columns (ids, names, statuses, budgets).</summary>
internal sealed record EntityContext(AdAccount Account, Campaign? Campaign, AdGroup? AdGroup, Ad? Ad, ProductGroup? ProductGroup)
{
    /// <summary>The value of an attribute column for this entity, or an absent cell when it does not apply at this level.</summary>
    public Cell Attribute(string column)
    {
        var campaign = Campaign;
        var adGroup = AdGroup;
        return column switch
        {
            "AD_ACCOUNT_ID" or "ADVERTISER_ID" => Cell.Of(Account.Id),
            "ADVERTISER_NAME" => Cell.Of(Account.Name),
            "CAMPAIGN_ID" => Cell.Of(campaign?.Id),
            "CAMPAIGN_NAME" => Cell.Of(campaign?.Name),
            "CAMPAIGN_ENTITY_STATUS" => Cell.Of(campaign?.Status),
            "CAMPAIGN_STATUS" => Cell.Of(campaign?.SummaryStatus),
            "CAMPAIGN_MANAGED_STATUS" => campaign is null ? default : Cell.Of("UNMANAGED"),
            "CAMPAIGN_OBJECTIVE_TYPE" => Cell.Of(campaign?.ObjectiveType),
            "CAMPAIGN_BRAND_LABEL" => campaign is null ? default : Cell.Of(Account.Name),
            "CAMPAIGN_CUSTOM_LABELS" => campaign is null ? default : Cell.Of(campaign.ObjectiveType.ToLowerInvariant()),
            "CAMPAIGN_DAILY_SPEND_CAP" => campaign?.DailySpendCap is { } d ? Cell.Of(d) : default,
            "CAMPAIGN_LIFETIME_SPEND_CAP" => campaign?.LifetimeSpendCap is { } l ? Cell.Of(l) : default,
            "CAMPAIGN_BUDGET_OPTIMIZATION" => campaign is null ? default : Cell.Of(campaign.BudgetOptimization),
            "IS_PREMIERE_CAMPAIGN" => campaign is null ? default : Cell.Of(false),
            "ORDER_LINE_ID" => Cell.Of(campaign?.OrderLineId),
            "ORDER_LINE_NAME" => campaign?.OrderLineId is { } o ? Cell.Of($"Order line {o}") : default,
            "AD_GROUP_ID" => Cell.Of(adGroup?.Id),
            "AD_GROUP_NAME" => Cell.Of(adGroup?.Name),
            "AD_GROUP_ENTITY_STATUS" => Cell.Of(adGroup?.Status),
            "AD_GROUP_STATUS" => Cell.Of(adGroup?.SummaryStatus),
            "AD_GROUP_BUDGET_TYPE" => Cell.Of(adGroup?.BudgetType),
            "AD_GROUP_BUDGET_IN_LOCAL_CURRENCY" => adGroup is null ? default : Cell.Of(adGroup.BudgetInMicroCurrency / 1_000_000.0),
            "AD_GROUP_BID_MULTIPLIER" => adGroup is null ? default : Cell.Of(adGroup.BidMultiplier),
            "AD_GROUP_OPTIMIZATION" => Cell.Of(adGroup?.BillableEvent),
            "AD_ID" or "PIN_PROMOTION_ID" => Cell.Of(Ad?.Id),
            "AD_NAME" or "PIN_PROMOTION_NAME" => Cell.Of(Ad?.Name),
            "AD_STATUS" or "PIN_PROMOTION_STATUS" => Cell.Of(Ad?.SummaryStatus),
            "PIN_ID" => Cell.Of(Ad?.PinId),
            "VIDEO_LENGTH" => Ad is { VideoLengthSeconds: > 0 } a ? Cell.Of((long)a.VideoLengthSeconds) : default,
            "PRODUCT_GROUP_ID" => Cell.Of(ProductGroup?.Id),
            "PRODUCT_GROUP_STATUS" => ProductGroup is null ? default : Cell.Of(ProductGroup.Status == "ACTIVE" ? "RUNNING" : ProductGroup.Status),
            "PRODUCT_GROUP_AD_IMAGE_TAG" => ProductGroup is null ? default : Cell.Of("lifestyle"),
            "PRODUCT_GROUP_AD_VIDEO_TAG" => ProductGroup is null ? default : Cell.Of("none"),
            _ => default, // promotions, product items, feed items: not part of the emulated world
        };
    }
}
