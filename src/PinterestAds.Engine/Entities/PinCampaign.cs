using System;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>A campaign (<c>GET /ad_accounts/{id}/campaigns</c>).</summary>
    public sealed class PinCampaign : PinEntity
    {
        internal PinCampaign(string adAccountId, JsonElement json) : base(JsonValues.String(json, "ad_account_id") ?? adAccountId, json)
        {
            Status = JsonValues.String(json, "status");
            SummaryStatus = JsonValues.String(json, "summary_status");
            ObjectiveType = JsonValues.String(json, "objective_type");
            Type = JsonValues.String(json, "type");
            DailySpendCap = JsonValues.Long(json, "daily_spend_cap");
            LifetimeSpendCap = JsonValues.Long(json, "lifetime_spend_cap");
            StartTime = JsonValues.UnixTime(json, "start_time");
            EndTime = JsonValues.UnixTime(json, "end_time");
            CreatedTime = JsonValues.UnixTime(json, "created_time");
            UpdatedTime = JsonValues.UnixTime(json, "updated_time");
        }

        public override AnalyticsLevel Level => AnalyticsLevel.Campaign;
        public string CampaignId => Id;
        public string? Status { get; }
        public string? SummaryStatus { get; }
        public string? ObjectiveType { get; }
        public string? Type { get; }
        /// <summary>Micro-units of the account's currency.</summary>
        public long? DailySpendCap { get; }
        public long? LifetimeSpendCap { get; }
        public DateTimeOffset? StartTime { get; }
        public DateTimeOffset? EndTime { get; }
        public DateTimeOffset? CreatedTime { get; }
        public DateTimeOffset? UpdatedTime { get; }
    }
}
