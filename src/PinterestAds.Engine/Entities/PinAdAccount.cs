using System;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>An ad account (<c>GET /ad_accounts</c>).</summary>
    public class PinAdAccount : PinEntity
    {
        internal PinAdAccount(JsonElement json) : base(JsonValues.String(json, "id") ?? "", json)
        {
            Country = JsonValues.String(json, "country");
            Currency = JsonValues.String(json, "currency");
            OwnerUsername = json.TryGetProperty("owner", out var owner) ? JsonValues.String(owner, "username") : null;
            Permissions = JsonValues.Strings(json, "permissions");
            CreatedTime = JsonValues.UnixTime(json, "created_time");
            UpdatedTime = JsonValues.UnixTime(json, "updated_time");
        }

        public override AnalyticsLevel Level => AnalyticsLevel.AdAccount;
        public string? Country { get; }
        public string? Currency { get; }
        public string? OwnerUsername { get; }
        public string[] Permissions { get; }
        public DateTimeOffset? CreatedTime { get; }
        public DateTimeOffset? UpdatedTime { get; }
    }
}
