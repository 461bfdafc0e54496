using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// One metric of <c>GET /resources/delivery_metrics</c>: its column name (as used in <c>columns</c>),
    /// the name Ads Manager shows, and what it means.
    /// </summary>
    public sealed class PinMetricDefinition
    {
        public PinMetricDefinition(string name, string? displayName, string? definition, MetricCategory? category, MetricReportType? reportType = null)
        {
            Name = name;
            DisplayName = displayName;
            Definition = definition;
            Category = category;
            ReportType = reportType;
        }

        internal static PinMetricDefinition? FromJson(JsonElement item, MetricReportType? reportType)
        {
            string? name = JsonValues.String(item, "name");
            if (string.IsNullOrEmpty(name)) return null;
            MetricCategory? category = ApiNames.TryParse(JsonValues.String(item, "category"), out MetricCategory parsed) ? parsed : (MetricCategory?)null;
            return new PinMetricDefinition(name!, JsonValues.String(item, "display_name"), JsonValues.String(item, "definition"), category, reportType);
        }

        /// <summary>The column name, e.g. <c>CLICKTHROUGH_2</c>.</summary>
        public string Name { get; }

        /// <summary>The name in Pinterest's own tools, e.g. "Earned Pin clicks"; null when Pinterest has none.</summary>
        public string? DisplayName { get; }

        public string? Definition { get; }

        /// <summary>Ads or Organic; null if Pinterest sent a category this module does not know.</summary>
        public MetricCategory? Category { get; }

        /// <summary>The report type the catalogue was asked for (null: both).</summary>
        public MetricReportType? ReportType { get; }

        public override string ToString() => DisplayName != null ? $"{Name} ({DisplayName})" : Name;
    }
}
