using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>Entities as the API's schemas shape them (AdAccount, CampaignResponse, AdGroupResponse, AdResponse, ProductGroupPromotion, TemplateResponse).</summary>
internal static class EntityJson
{
    public static Dictionary<string, object?> Account(AdAccount a) => new()
    {
        ["id"] = a.Id,
        ["name"] = a.Name,
        ["owner"] = new Dictionary<string, object?> { ["id"] = a.OwnerUserId, ["username"] = a.OwnerUsername },
        ["country"] = a.Country,
        ["currency"] = a.Currency,
        ["permissions"] = a.Access == AccountAccess.Owner ? new[] { "OWNER" } : new[] { "ANALYST", "CAMPAIGN_MANAGER" },
        ["created_time"] = a.CreatedTime,
        ["updated_time"] = a.CreatedTime + 86400,
    };

    public static Dictionary<string, object?> Campaign(Campaign c) => new()
    {
        ["id"] = c.Id,
        ["ad_account_id"] = c.Account.Id,
        ["name"] = c.Name,
        ["status"] = c.Status,
        ["lifetime_spend_cap"] = c.LifetimeSpendCap,
        ["daily_spend_cap"] = c.DailySpendCap,
        ["order_line_id"] = c.OrderLineId,
        ["tracking_urls"] = null,
        ["start_time"] = c.CreatedTime,
        ["end_time"] = null,
        ["is_flexible_daily_budgets"] = false,
        ["is_automated_campaign"] = false,
        ["is_campaign_budget_optimization"] = c.BudgetOptimization,
        ["is_performance_plus"] = false,
        ["objective_type"] = c.ObjectiveType,
        ["summary_status"] = c.SummaryStatus,
        ["created_time"] = c.CreatedTime,
        ["updated_time"] = c.UpdatedTime,
        ["type"] = "campaign",
    };

    public static Dictionary<string, object?> AdGroup(AdGroup g) => new()
    {
        ["id"] = g.Id,
        ["ad_account_id"] = g.Campaign.Account.Id,
        ["campaign_id"] = g.Campaign.Id,
        ["name"] = g.Name,
        ["status"] = g.Status,
        ["budget_in_micro_currency"] = g.BudgetInMicroCurrency,
        ["bid_in_micro_currency"] = g.BidInMicroCurrency,
        ["budget_type"] = g.BudgetType,
        ["start_time"] = g.CreatedTime,
        ["end_time"] = null,
        ["targeting_spec"] = new Dictionary<string, object?>
        {
            ["LOCATION"] = g.Targeting["LOCATION"],
            ["GEO"] = g.Targeting["COUNTRY"],
            ["AGE_BUCKET"] = g.Targeting["AGE_BUCKET"],
            ["GENDER"] = g.Targeting["GENDER"],
            ["APPTYPE"] = g.Targeting["APPTYPE"],
            ["INTEREST"] = Resources.TargetingOptions.InterestList.Where(i => g.Targeting["TARGETED_INTEREST"].Contains(i.Name)).Select(i => i.Id).ToArray(),
            ["AUDIENCE_INCLUDE"] = g.Targeting["AUDIENCE_INCLUDE"],
        },
        ["lifetime_frequency_cap"] = -1,
        ["tracking_urls"] = null,
        ["auto_targeting_enabled"] = true,
        ["placement_group"] = "ALL",
        ["pacing_delivery_type"] = "STANDARD",
        ["conversion_learning_mode_type"] = null,
        ["summary_status"] = g.SummaryStatus,
        ["feed_profile_id"] = "0",
        ["billable_event"] = g.BillableEvent,
        ["bid_strategy_type"] = "MAX_BID",
        ["bid_multiplier"] = g.BidMultiplier,
        ["type"] = "adgroup",
        ["created_time"] = g.CreatedTime,
        ["updated_time"] = g.UpdatedTime,
    };

    public static Dictionary<string, object?> Ad(Ad a) => new()
    {
        ["id"] = a.Id,
        ["ad_group_id"] = a.AdGroup.Id,
        ["campaign_id"] = a.AdGroup.Campaign.Id,
        ["ad_account_id"] = a.AdGroup.Campaign.Account.Id,
        ["pin_id"] = a.PinId,
        ["name"] = a.Name,
        ["status"] = a.Status,
        ["creative_type"] = a.CreativeType,
        ["destination_url"] = $"https://shop.example.com/p/{a.PinId}",
        ["click_tracking_url"] = null,
        ["view_tracking_url"] = null,
        ["tracking_urls"] = null,
        ["is_pin_deleted"] = false,
        ["is_removable"] = false,
        ["review_status"] = "APPROVED",
        ["rejected_reasons"] = Array.Empty<string>(),
        ["rejection_labels"] = Array.Empty<string>(),
        ["summary_status"] = a.SummaryStatus,
        ["type"] = "pinpromotion",
        ["created_time"] = a.CreatedTime,
        ["updated_time"] = a.UpdatedTime,
    };

    public static Dictionary<string, object?> ProductGroup(ProductGroup p) => new()
    {
        ["id"] = p.Id,
        ["ad_group_id"] = p.AdGroup.Id,
        ["catalog_product_group_id"] = p.CatalogProductGroupId,
        ["catalog_product_group_name"] = p.Name,
        ["creative_type"] = "SHOPPING",
        ["status"] = p.Status,
        ["included"] = true,
        ["bid_in_micro_currency"] = null,
        ["definition"] = "*",
        ["relative_definition"] = null,
        ["parent_id"] = null,
        ["tracking_url"] = null,
        ["grid_click_type"] = "CLOSEUP",
    };

    public static Dictionary<string, object?> Template(Template t) => new()
    {
        ["id"] = t.Id,
        ["name"] = t.Name,
        ["ad_account_id"] = t.Account.Id,
        ["ad_account_ids"] = new[] { t.Account.Id },
        ["user_id"] = t.Account.OwnerUserId,
        ["report_level"] = t.ReportLevel,
        ["columns"] = t.Columns,
        ["granularity"] = t.Granularity,
        ["report_format"] = t.ReportFormat,
        ["click_window_days"] = t.ClickWindowDays,
        ["engagement_window_days"] = t.EngagementWindowDays,
        ["view_window_days"] = t.ViewWindowDays,
        ["conversion_report_time_type"] = "TIME_OF_AD_ACTION",
        ["date_range"] = new Dictionary<string, object?>
        {
            ["relative_date_range"] = new Dictionary<string, object?>
            {
                ["start_days_in_past"] = t.StartDaysInPast, ["end_days_in_past"] = t.EndDaysInPast, ["type"] = "RELATIVE",
            },
            ["absolute_date_range"] = null,
            ["dynamic_date_range"] = null,
        },
        ["report_start_relative_days_in_past"] = t.StartDaysInPast,
        ["report_end_relative_days_in_past"] = t.EndDaysInPast,
        ["is_scheduled"] = false,
        ["is_owned_by_user"] = true,
        ["is_deleted"] = false,
        ["creation_source"] = "ADS_API",
        ["type"] = "TABLE",
        ["filters_json"] = null,
        ["custom_column_ids"] = null,
        ["ingestion_sources"] = null,
        ["updated_time"] = t.UpdatedTime,
    };
}
