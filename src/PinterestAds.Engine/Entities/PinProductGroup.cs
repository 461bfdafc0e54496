using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// A product group promotion (<c>GET /ad_accounts/{id}/product_group_promotions</c>): a catalog
    /// product group promoted in an ad group. Its id is what product group analytics report on.
    /// </summary>
    public class PinProductGroup : PinEntity
    {
        internal PinProductGroup(string adAccountId, JsonElement json) : base(adAccountId, json)
        {
            Name = JsonValues.String(json, "catalog_product_group_name") ?? Name;
            AdGroupId = JsonValues.String(json, "ad_group_id");
            CatalogProductGroupId = JsonValues.String(json, "catalog_product_group_id");
            Status = JsonValues.String(json, "status");
            Included = JsonValues.Bool(json, "included");
            BidInMicroCurrency = JsonValues.Long(json, "bid_in_micro_currency");
            Definition = JsonValues.String(json, "definition");
        }

        public override AnalyticsLevel Level => AnalyticsLevel.ProductGroup;
        public string ProductGroupId => Id;
        public string? AdGroupId { get; }
        public string? CatalogProductGroupId { get; }
        public string? Status { get; }
        public bool? Included { get; }
        public long? BidInMicroCurrency { get; }
        public string? Definition { get; }
    }
}
