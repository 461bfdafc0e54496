using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds
{
    /// <summary>
    /// Something Pinterest reports on: an ad account, campaign, ad group, ad or product group.
    /// Every entity knows its ad account and its own id, so it can be piped into the analytics and
    /// report cmdlets, and keeps every field the API sent in <see cref="Fields"/>.
    /// </summary>
    public abstract class PinEntity : Engine.Formatting.ExportableObject
    {
        private protected PinEntity(string adAccountId, JsonElement json)
        {
            AdAccountId = adAccountId;
            Id = Engine.Entities.JsonValues.String(json, "id") ?? "";
            Name = Engine.Entities.JsonValues.String(json, "name");
            Fields = Engine.Entities.JsonValues.Fields(json);
        }

        public string AdAccountId { get; }

        public string Id { get; }

        public string? Name { get; protected set; }

        /// <summary>The analytics level this entity reports at.</summary>
        public abstract AnalyticsLevel Level { get; }

        /// <summary>Every field of the API's answer, by its API name.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        public override string ToString() => $"{Level} {Id}" + (Name != null ? $" '{Name}'" : "");
    }
}
