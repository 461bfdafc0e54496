using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// Interests and demographics of one audience of an ad account (<c>AudienceInsightsResponse</c>).
    /// <see cref="ToRows"/> flattens it into one row per (dimension, key) for CSV export.
    /// </summary>
    public class PinAudienceInsight : Engine.Formatting.ExportableObject
    {
        internal PinAudienceInsight(string adAccountId, AudienceInsightType requestedType, JsonElement json)
        {
            AdAccountId = adAccountId;
            Type = ApiNames.TryParse(JsonValues.String(json, "type"), out AudienceInsightType sent) ? sent : requestedType;
            Date = ApiDates.TryParse(JsonValues.String(json, "date"), out var date) ? date : (DateTime?)null;
            Size = JsonValues.Long(json, "size");
            SizeIsUpperBound = JsonValues.Bool(json, "size_is_upper_bound");
            Categories = json.TryGetProperty("categories", out var categories) && categories.ValueKind == JsonValueKind.Array
                ? categories.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(c => new PinAudienceCategory(c)).ToArray()
                : new PinAudienceCategory[0];
            Demographics = new PinAudienceDemographics(json.TryGetProperty("demographics", out var demographics) ? demographics : default);
        }

        public string AdAccountId { get; }

        public AudienceInsightType Type { get; }

        /// <summary>The date Pinterest generated the insight.</summary>
        public DateTime? Date { get; }

        /// <summary>People in the audience.</summary>
        public long? Size { get; }

        /// <summary>True when <see cref="Size"/> was rounded up to the next boundary.</summary>
        public bool? SizeIsUpperBound { get; }

        /// <summary>Interest categories, each with its subcategories.</summary>
        public IReadOnlyList<PinAudienceCategory> Categories { get; }

        public PinAudienceDemographics Demographics { get; }

        /// <summary>
        /// One flat row per category, subcategory (after its category) and demographic value, so that
        /// Export-Csv gets a complete table.
        /// </summary>
        public IEnumerable<PinAudienceInsightRow> ToRows()
        {
            foreach (var category in Categories)
            {
                yield return new PinAudienceInsightRow(this, AudienceDimension.Category, null, category);
                foreach (var sub in category.Subcategories)
                    yield return new PinAudienceInsightRow(this, AudienceDimension.Subcategory, category, sub);
            }
            foreach (var (dimension, values) in Demographics.ByDimension())
                foreach (var value in values)
                    yield return new PinAudienceInsightRow(this, dimension, null, value);
        }

        public override string ToString() => $"{Type} of ad account {AdAccountId}: {Size} people, {Categories.Count} interest categories";
    }
}
