using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Bulk
{
    /// <summary>A bulk entity download as the user asked for it (<c>BulkDownloadRequest</c>).</summary>
    internal sealed class BulkDownloadSpec
    {
        public string AdAccountId { get; set; } = "";
        public IReadOnlyList<string>? EntityTypes { get; set; }
        public IReadOnlyList<string>? EntityIds { get; set; }
        public IReadOnlyList<string>? CampaignStatuses { get; set; }
        public IReadOnlyList<string>? CampaignObjectiveTypes { get; set; }
        public string? CampaignName { get; set; }
        public DateTimeOffset? CampaignStartTime { get; set; }
        public DateTimeOffset? CampaignEndTime { get; set; }
        public DateTimeOffset? UpdatedSince { get; set; }
        public ReportFormat Format { get; set; } = ReportFormat.Json;
    }
}
