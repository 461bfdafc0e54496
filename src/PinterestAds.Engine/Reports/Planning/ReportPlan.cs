using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Reports
{
    /// <summary>The validated, normalized request and the reports it becomes.</summary>
    internal sealed class ReportPlan
    {
        public ReportPlan(string level, string granularity, IReadOnlyList<string> columns, IReadOnlyList<string> targetingTypes,
            ReportSort sort, IReadOnlyList<ReportCall> reports)
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
        public IReadOnlyList<ReportCall> Reports { get; }
    }
}
