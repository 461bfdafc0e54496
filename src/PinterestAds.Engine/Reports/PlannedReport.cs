using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Reports
{
    /// <summary>One report of a (possibly split) request: its body and what the job must remember about it.</summary>
    internal sealed class PlannedReport
    {
        public PlannedReport(byte[] body, DateTime startDate, DateTime endDate, int part, int partCount)
        {
            Body = body;
            StartDate = startDate;
            EndDate = endDate;
            Part = part;
            PartCount = partCount;
        }

        /// <summary>The <c>AdsAnalyticsCreateAsyncRequest</c> JSON, UTF-8.</summary>
        public byte[] Body { get; }
        public DateTime StartDate { get; }
        public DateTime EndDate { get; }
        public int Part { get; }
        public int PartCount { get; }
    }

    /// <summary>The validated, normalized request and the reports it becomes.</summary>
    internal sealed class ReportPlan
    {
        public ReportPlan(string level, string granularity, IReadOnlyList<string> columns, IReadOnlyList<string> targetingTypes,
            ReportSort sort, IReadOnlyList<PlannedReport> reports)
        {
            Level = level;
            Granularity = granularity;
            Columns = columns;
            TargetingTypes = targetingTypes;
            Sort = sort;
            Reports = reports;
        }

        public string Level { get; }
        public string Granularity { get; }
        public IReadOnlyList<string> Columns { get; }
        public IReadOnlyList<string> TargetingTypes { get; }
        public ReportSort Sort { get; }
        public IReadOnlyList<PlannedReport> Reports { get; }
    }
}
