using System;

namespace PinterestAds
{
    /// <summary>
    /// One flattened line of an audience insight: which audience, which dimension (interest category,
    /// subcategory, age, gender, device, metro, country), which value, and its share and affinity index.
    /// </summary>
    public class PinAudienceInsightRow : Engine.Formatting.ExportableObject
    {
        internal PinAudienceInsightRow(PinAudienceInsight insight, AudienceDimension dimension, PinAudienceSegment? parent, PinAudienceSegment value)
        {
            AdAccountId = insight.AdAccountId;
            Type = insight.Type;
            Date = insight.Date;
            AudienceSize = insight.Size;
            SizeIsUpperBound = insight.SizeIsUpperBound;
            Dimension = dimension;
            ParentKey = parent?.Key;
            ParentName = parent?.Name;
            Id = value.Id;
            Key = value.Key;
            Name = value.Name;
            Ratio = value.Ratio;
            Index = value.Index;
        }

        public string AdAccountId { get; }
        public AudienceInsightType Type { get; }
        public DateTime? Date { get; }
        public long? AudienceSize { get; }
        public bool? SizeIsUpperBound { get; }
        public AudienceDimension Dimension { get; }

        /// <summary>For a subcategory: its category's key; null otherwise.</summary>
        public string? ParentKey { get; }

        /// <summary>For a subcategory: its category's name; null otherwise.</summary>
        public string? ParentName { get; }

        public string? Id { get; }
        public string? Key { get; }
        public string? Name { get; }

        /// <summary>The share, 0 to 1 (of the audience; for subcategories, as Pinterest defines it).</summary>
        public decimal? Ratio { get; }

        /// <summary>Affinity index (interests only).</summary>
        public decimal? Index { get; }

        public override string ToString() => $"{Type} {Dimension} {Name ?? Key} {Ratio:0.####}";
    }
}
