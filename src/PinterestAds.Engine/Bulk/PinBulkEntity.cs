using System;
using System.Collections.Generic;

namespace PinterestAds
{
    /// <summary>One entity of a bulk download (Receive-PinReport on a Bulk job): its type, id, name and every field.</summary>
    public class PinBulkEntity : Engine.Formatting.ExportableObject
    {
        internal PinBulkEntity(string adAccountId, string entityType, IReadOnlyDictionary<string, object?> fields)
        {
            AdAccountId = adAccountId;
            EntityType = entityType;
            Fields = fields;
            Id = Text("id");
            Name = Text("name");
            Status = Text("status");
            CampaignId = Text("campaign_id");
            AdGroupId = Text("ad_group_id");
        }

        public string AdAccountId { get; }

        /// <summary>CAMPAIGN, AD_GROUP, AD, PRODUCT_GROUP, KEYWORD, ...</summary>
        public string EntityType { get; }

        public string? Id { get; }
        public string? Name { get; }
        public string? Status { get; }
        public string? CampaignId { get; }
        public string? AdGroupId { get; }

        /// <summary>Every field of the entity as the file holds it.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        private string? Text(string name) =>
            Fields.TryGetValue(name, out var value) && value != null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

        public override string ToString() => $"{EntityType} {Id}" + (Name != null ? $" '{Name}'" : "");
    }
}
