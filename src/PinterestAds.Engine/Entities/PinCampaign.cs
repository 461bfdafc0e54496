using System;
using System.Text.Json;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Formatting;

namespace PinterestAds
{
    /// <summary>A campaign (<c>GET /ad_accounts/{id}/campaigns</c>).</summary>
    public class PinCampaign : PinEntity
    {
        internal PinCampaign(string adAccountId, JsonElement json) : base(JsonValues.String(json, "ad_account_id") ?? adAccountId, json)
        {
            Status = JsonValues.String(json, "status");
            SummaryStatus = JsonValues.String(json, "summary_status");
            ObjectiveType = JsonValues.String(json, "objective_type");
            Type = JsonValues.String(json, "type");
            DailySpendCapInMicroCurrency = JsonValues.Long(json, "daily_spend_cap");
            LifetimeSpendCapInMicroCurrency = JsonValues.Long(json, "lifetime_spend_cap");
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
        /// <summary>The daily spend cap in the ad account's currency units, exactly (the API's micro-units / 1,000,000).</summary>
        public decimal? DailySpendCap => MicroUnits.ToCurrencyUnits(DailySpendCapInMicroCurrency);
        /// <summary>The lifetime spend cap in the ad account's currency units, exactly.</summary>
        public decimal? LifetimeSpendCap => MicroUnits.ToCurrencyUnits(LifetimeSpendCapInMicroCurrency);
        /// <summary>The daily spend cap as the API sends it: micro-units (millionths) of the account's currency.</summary>
        public long? DailySpendCapInMicroCurrency { get; }
        /// <summary>The lifetime spend cap in micro-units of the account's currency.</summary>
        public long? LifetimeSpendCapInMicroCurrency { get; }
        public DateTimeOffset? StartTime { get; }
        public DateTimeOffset? EndTime { get; }
        public DateTimeOffset? CreatedTime { get; }
        public DateTimeOffset? UpdatedTime { get; }
    }
}
