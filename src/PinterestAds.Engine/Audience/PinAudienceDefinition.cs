using System;
using System.Text.Json;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// An audience available for insights in an ad account (<c>AudienceDefinition</c> of
    /// <c>GET /ad_accounts/{id}/insights/audiences</c>): its scope (e.g. PARTNER, PINTEREST), type and date.
    /// Scope and type are free strings in the description, so they are kept as Pinterest sends them.
    /// </summary>
    public class PinAudienceDefinition : Engine.Formatting.ExportableObject
    {
        internal PinAudienceDefinition(string adAccountId, JsonElement json)
        {
            AdAccountId = adAccountId;
            Scope = JsonValues.String(json, "scope");
            Type = JsonValues.String(json, "type");
            Date = ApiDates.TryParse(JsonValues.String(json, "date"), out var date) ? date : (DateTime?)null;
        }

        public string AdAccountId { get; }
        public string? Scope { get; }
        public string? Type { get; }
        public DateTime? Date { get; }

        public override string ToString() => $"{Scope} {Type} {Date:yyyy-MM-dd}";
    }
}
