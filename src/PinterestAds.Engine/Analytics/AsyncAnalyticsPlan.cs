using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>An analytics query planned as async reports: one report spec per targeting-type chunk, each split by the report planner.</summary>
    internal sealed class AsyncAnalyticsPlan
    {
        public AsyncAnalyticsPlan(AnalyticsQuery query, IReadOnlyList<string> columns, IReadOnlyList<string> hiddenColumns,
            IReadOnlyList<(AsyncReportQuery Spec, ReportPlan Plan)> reports, DateSpan span, bool mergesTotals)
        {
            Query = query;
            Columns = columns;
            HiddenColumns = hiddenColumns;
            Reports = reports;
            Span = span;
            MergesTotals = mergesTotals;
        }

        public AnalyticsQuery Query { get; }

        /// <summary>The columns the rows show, in the requested order.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>Ratio ingredients requested too, for re-aggregating TOTAL parts; never shown.</summary>
        public IReadOnlyList<string> HiddenColumns { get; }

        public IReadOnlyList<(AsyncReportQuery Spec, ReportPlan Plan)> Reports { get; }

        /// <summary>The whole range (after clamping).</summary>
        public DateSpan Span { get; }

        /// <summary>TOTAL over several date parts: one row per key is rebuilt from the parts.</summary>
        public bool MergesTotals { get; }

        public int ReportCount => Reports.Sum(r => r.Plan.Reports.Count);

        public override string ToString() =>
            $"{ReportCount} async report(s) of level {Reports[0].Plan.Level}, {Span}" + (MergesTotals ? ", TOTAL re-aggregated across date parts" : "");
    }
}
