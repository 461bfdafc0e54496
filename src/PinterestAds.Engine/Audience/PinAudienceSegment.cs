using System;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// One share of an audience: a demographic value (<c>AudienceDemographicValue</c>: key, name, ratio) or an
    /// interest subcategory (which adds an id and an affinity index).
    /// </summary>
    public class PinAudienceSegment
    {
        internal PinAudienceSegment(JsonElement json)
        {
            Id = JsonValues.String(json, "id");
            Key = JsonValues.String(json, "key");
            Name = JsonValues.String(json, "name");
            Ratio = JsonValues.Decimal(json, "ratio");
            Index = JsonValues.Decimal(json, "index");
        }

        public string? Id { get; }

        /// <summary>The stable key (e.g. "us", "25-34").</summary>
        public string? Key { get; }

        public string? Name { get; }

        /// <summary>The share of the audience, 0 to 1.</summary>
        public decimal? Ratio { get; }

        /// <summary>Affinity index against Pinterest's total audience (1 = as likely; interests only).</summary>
        public decimal? Index { get; }

        // Invariant: this is the text of a list item in the insight's CSV (see ExportableObject).
        public override string ToString() => FormattableString.Invariant($"{Name ?? Key} {Ratio:0.####}");
    }
}
