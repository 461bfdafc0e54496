using System;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>An ad group (<c>GET /ad_accounts/{id}/ad_groups</c>).</summary>
    public class PinAdGroup : PinEntity
    {
        internal PinAdGroup(string adAccountId, JsonElement json) : base(JsonValues.String(json, "ad_account_id") ?? adAccountId, json)
        {
            CampaignId = JsonValues.String(json, "campaign_id");
            Status = JsonValues.String(json, "status");
            SummaryStatus = JsonValues.String(json, "summary_status");
            BudgetType = JsonValues.String(json, "budget_type");
            BudgetInMicroCurrency = JsonValues.Long(json, "budget_in_micro_currency");
            BidInMicroCurrency = JsonValues.Long(json, "bid_in_micro_currency");
            BillableEvent = JsonValues.String(json, "billable_event");
            PlacementGroup = JsonValues.String(json, "placement_group");
            StartTime = JsonValues.UnixTime(json, "start_time");
            EndTime = JsonValues.UnixTime(json, "end_time");
            CreatedTime = JsonValues.UnixTime(json, "created_time");
            UpdatedTime = JsonValues.UnixTime(json, "updated_time");
        }

        public override AnalyticsLevel Level => AnalyticsLevel.AdGroup;
        public string AdGroupId => Id;
        public string? CampaignId { get; }
        public string? Status { get; }
        public string? SummaryStatus { get; }
        public string? BudgetType { get; }
        public long? BudgetInMicroCurrency { get; }
        public long? BidInMicroCurrency { get; }
        public string? BillableEvent { get; }
        public string? PlacementGroup { get; }
        public DateTimeOffset? StartTime { get; }
        public DateTimeOffset? EndTime { get; }
        public DateTimeOffset? CreatedTime { get; }
        public DateTimeOffset? UpdatedTime { get; }
    }
}
