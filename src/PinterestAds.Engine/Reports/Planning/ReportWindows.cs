using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// The date window of one async report (how far back, how long) and the splitting of a longer range
    /// into consecutive ranges that each fit.
    /// </summary>
    internal static class ReportWindows
    {
        public static ApiLimits.DateWindow For(string apiLevel, string apiGranularity)
        {
            if (apiLevel.StartsWith("PRODUCT_ITEM", StringComparison.Ordinal)) return ApiLimits.AsyncReportProductItem;
            return string.Equals(apiGranularity, "HOUR", StringComparison.Ordinal) ? ApiLimits.AsyncReportHourly : ApiLimits.AsyncReport;
        }

        public static string Describe(string apiLevel, string apiGranularity) =>
            apiLevel.StartsWith("PRODUCT_ITEM", StringComparison.Ordinal) ? $"level {apiLevel}"
            : string.Equals(apiGranularity, "HOUR", StringComparison.Ordinal) ? "granularity HOUR" : "async reports";

        /// <summary>Checks order and lookback; the span may be longer than one report (it is split).</summary>
        public static void Check(DateTime start, DateTime end, DateTime today, ApiLimits.DateWindow window, string what, string startParameter = "StartDate", string endParameter = "EndDate")
        {
            DateOrder.Require(start, end, startParameter, endParameter);
            DateTime earliest = today.AddDays(-window.LookbackDays);
            if (start < earliest)
                throw new PinterestValidationException(ErrorIds.StartDateBeyondLookback, startParameter,
                    $"-{startParameter} {ApiDates.Format(start)} is more than {window.LookbackDays} days back, the limit for {what}; the earliest allowed date is {ApiDates.Format(earliest)} (UTC). Use a later start date.");
        }

        /// <summary>Consecutive ranges of at most <see cref="ApiLimits.DateWindow.MaxSpanDays"/> days covering start..end.</summary>
        public static IReadOnlyList<(DateTime Start, DateTime End)> Split(DateTime start, DateTime end, ApiLimits.DateWindow window) =>
            Split(start, end, window.MaxSpanDays, Granularity.Day);

        /// <summary>
        /// Consecutive ranges of at most <paramref name="maxSpanDays"/> days covering start..end, cut where a
        /// row of <paramref name="granularity"/> ends: WEEK parts end on a Sunday (Pinterest's weeks start on
        /// Monday) and MONTH parts on a month's last day, so no week or month is cut in two and every bucket of
        /// the split run is the bucket an unsplit report would give. DAY, HOUR and TOTAL cut anywhere (TOTAL
        /// parts are re-aggregated by the caller or refused).
        /// </summary>
        public static IReadOnlyList<(DateTime Start, DateTime End)> Split(DateTime start, DateTime end, int maxSpanDays, Granularity granularity)
        {
            var ranges = new List<(DateTime, DateTime)>();
            for (DateTime from = start; from <= end;)
            {
                DateTime to = from.AddDays(maxSpanDays - 1);
                if (to >= end) to = end;
                else if (granularity == Granularity.Week)
                {
                    DateTime sunday = to.AddDays(-(int)to.DayOfWeek); // the last Sunday on or before 'to'
                    if (sunday >= from) to = sunday;
                }
                else if (granularity == Granularity.Month)
                {
                    DateTime monthEnd = new DateTime(to.Year, to.Month, 1).AddDays(-1); // end of the month before 'to'
                    DateTime thisMonthEnd = new DateTime(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
                    if (to == thisMonthEnd) monthEnd = to;
                    if (monthEnd >= from) to = monthEnd;
                }
                ranges.Add((from, to));
                from = to.AddDays(1);
            }
            return ranges;
        }
    }
}
