using System;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>An ad (<c>GET /ad_accounts/{id}/ads</c>).</summary>
    public class PinAd : PinEntity
    {
        internal PinAd(string adAccountId, JsonElement json) : base(JsonValues.String(json, "ad_account_id") ?? adAccountId, json)
        {
            AdGroupId = JsonValues.String(json, "ad_group_id");
            CampaignId = JsonValues.String(json, "campaign_id");
            PinId = JsonValues.String(json, "pin_id");
            Status = JsonValues.String(json, "status");
            SummaryStatus = JsonValues.String(json, "summary_status");
            ReviewStatus = JsonValues.String(json, "review_status");
            CreativeType = JsonValues.String(json, "creative_type");
            DestinationUrl = JsonValues.String(json, "destination_url");
            CreatedTime = JsonValues.UnixTime(json, "created_time");
            UpdatedTime = JsonValues.UnixTime(json, "updated_time");
        }

        public override AnalyticsLevel Level => AnalyticsLevel.Ad;
        public string AdId => Id;
        public string? AdGroupId { get; }
        public string? CampaignId { get; }
        public string? PinId { get; }
        public string? Status { get; }
        public string? SummaryStatus { get; }
        public string? ReviewStatus { get; }
        public string? CreativeType { get; }
        public string? DestinationUrl { get; }
        public DateTimeOffset? CreatedTime { get; }
        public DateTimeOffset? UpdatedTime { get; }
    }
}
