using System;
using System.Collections.Generic;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>One request of a plan: which ids, which dates, which targeting types.</summary>
    internal sealed class AnalyticsCall
    {
        public AnalyticsCall(int index, int chunkIndex, IReadOnlyList<string> ids, DateSpan span, IReadOnlyList<string> targetingTypes, string? campaignId = null)
        {
            CampaignId = campaignId;
            Index = index;
            ChunkIndex = chunkIndex;
            Ids = ids;
            Span = span;
            TargetingTypes = targetingTypes;
        }

        /// <summary>Position in the plan; rows are written in this order.</summary>
        public int Index { get; }
        public int ChunkIndex { get; }
        /// <summary>The ids of the chunked id list for this call (empty at the ad account level).</summary>
        public IReadOnlyList<string> Ids { get; }
        public DateSpan Span { get; }
        public IReadOnlyList<string> TargetingTypes { get; }
        /// <summary>ad_pins/analytics: the one campaign of this call (null elsewhere).</summary>
        public string? CampaignId { get; }

        public override string ToString() =>
            $"call {Index + 1}: {(CampaignId != null ? "campaign " + CampaignId + ", " : "")}{Ids.Count} id(s), {Span}" + (TargetingTypes.Count > 0 ? $", {string.Join(",", TargetingTypes)}" : "");
    }
}
