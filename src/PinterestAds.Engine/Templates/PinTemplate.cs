using System;
using System.Collections.Generic;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// A saved report template of an ad account (<c>GET /ad_accounts/{id}/templates</c>, TemplateResponse):
    /// its level, columns, granularity, attribution windows and default date range. Pipe it into
    /// New-PinAsyncReport to run it.
    /// </summary>
    public class PinTemplate : Engine.Formatting.ExportableObject
    {
        internal PinTemplate(string adAccountId, JsonElement json)
        {
            Id = JsonValues.String(json, "id") ?? "";
            AdAccountId = JsonValues.String(json, "ad_account_id") ?? adAccountId;
            Name = JsonValues.String(json, "name");
            Level = JsonValues.String(json, "report_level");
            Columns = JsonValues.Strings(json, "columns");
            Granularity = JsonValues.String(json, "granularity");
            ReportFormat = JsonValues.String(json, "report_format");
            ClickWindowDays = Int(json, "click_window_days");
            EngagementWindowDays = Int(json, "engagement_window_days");
            ViewWindowDays = Int(json, "view_window_days");
            ConversionReportTime = JsonValues.String(json, "conversion_report_time_type");
            StartDaysInPast = Int(json, "report_start_relative_days_in_past");
            EndDaysInPast = Int(json, "report_end_relative_days_in_past");
            Type = JsonValues.String(json, "type");
            IsDeleted = JsonValues.Bool(json, "is_deleted");
            UpdatedTime = JsonValues.Decimal(json, "updated_time") is decimal seconds ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : (DateTimeOffset?)null;
            Fields = JsonValues.Fields(json);
        }

        public string AdAccountId { get; }

        public string Id { get; }

        /// <summary>The same as <see cref="Id"/>, so templates bind to -TemplateId through the pipeline.</summary>
        public string TemplateId => Id;

        public string? Name { get; }

        /// <summary>The reporting level (API spelling, e.g. CAMPAIGN).</summary>
        public string? Level { get; }

        public IReadOnlyList<string> Columns { get; }

        public string? Granularity { get; }

        /// <summary>CSV or JSON.</summary>
        public string? ReportFormat { get; }

        public int? ClickWindowDays { get; }

        public int? EngagementWindowDays { get; }

        public int? ViewWindowDays { get; }

        public string? ConversionReportTime { get; }

        /// <summary>The template's default range: from this many days before the run...</summary>
        public int? StartDaysInPast { get; }

        /// <summary>...to this many days before the run.</summary>
        public int? EndDaysInPast { get; }

        public string? Type { get; }

        public bool? IsDeleted { get; }

        public DateTimeOffset? UpdatedTime { get; }

        /// <summary>Every field of the API's answer, by its API name.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        public override string ToString() => $"Template {Id}" + (Name != null ? $" '{Name}'" : "");

        private static int? Int(JsonElement json, string name) =>
            JsonValues.Decimal(json, name) is decimal value ? (int)value : (int?)null;
    }
}
