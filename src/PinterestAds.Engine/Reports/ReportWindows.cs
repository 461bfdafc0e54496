using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;

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
        public static void Check(DateTime start, DateTime end, ApiLimits.DateWindow window, string what, string startParameter = "StartDate", string endParameter = "EndDate")
        {
            if (end < start)
                throw new PinterestValidationException("EndBeforeStart", endParameter,
                    $"-{endParameter} {ApiDates.Format(end)} is before -{startParameter} {ApiDates.Format(start)}. Swap them.");
            DateTime earliest = ApiDates.UtcToday().AddDays(-window.LookbackDays);
            if (start < earliest)
                throw new PinterestValidationException("StartDateTooEarly", startParameter,
                    $"-{startParameter} {ApiDates.Format(start)} is more than {window.LookbackDays} days back, the limit for {what}; the earliest allowed date is {ApiDates.Format(earliest)} (UTC). Use a later start date.");
        }

        /// <summary>Consecutive ranges of at most <see cref="ApiLimits.DateWindow.MaxSpanDays"/> days covering start..end.</summary>
        public static IReadOnlyList<(DateTime Start, DateTime End)> Split(DateTime start, DateTime end, ApiLimits.DateWindow window)
        {
            var ranges = new List<(DateTime, DateTime)>();
            for (DateTime from = start; from <= end; from = from.AddDays(window.MaxSpanDays))
            {
                DateTime to = from.AddDays(window.MaxSpanDays - 1);
                ranges.Add((from, to < end ? to : end));
            }
            return ranges;
        }
    }
}
