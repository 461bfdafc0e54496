using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// The dates of a template report (analytics/create_template_report), which the description limits
    /// differently from custom reports: start at most 2.5 years back, end at most 2.5 years past the start
    /// (<see cref="ApiLimits.TemplateReportLookbackMonths"/>). Any range inside that is one report, never split.
    /// </summary>
    internal static class TemplateReportWindow
    {
        /// <summary>The earliest start date allowed on <paramref name="utcToday"/>.</summary>
        public static DateTime Earliest(DateTime utcToday) => utcToday.Date.AddMonths(-ApiLimits.TemplateReportLookbackMonths);

        /// <summary>The latest end date allowed for <paramref name="start"/>.</summary>
        public static DateTime LatestEnd(DateTime start) => start.Date.AddMonths(ApiLimits.TemplateReportMaxMonthsAfterStart);

        /// <summary>
        /// The date ranges to run a template for, as the planner decides them for custom reports: both dates
        /// given are checked against the template window and are one report (never split); a missing date is
        /// left to the template's own range. <paramref name="utcToday"/> is the UTC date.
        /// </summary>
        public static IReadOnlyList<(DateTime? Start, DateTime? End)> Plan(DateTime? start, DateTime? end, DateTime utcToday)
        {
            if (start.HasValue && end.HasValue) Check(start.Value, end.Value, utcToday);
            return new[] { (start, end) };
        }

        public static void Check(DateTime start, DateTime end, DateTime utcToday, string startParameter = "StartDate", string endParameter = "EndDate")
        {
            DateOrder.Require(start, end, startParameter, endParameter);
            DateTime earliest = Earliest(utcToday);
            if (start < earliest)
                throw new PinterestValidationException(ErrorIds.StartDateBeyondLookback, startParameter,
                    $"-{startParameter} {ApiDates.Format(start)} is more than 2.5 years ({ApiLimits.TemplateReportLookbackMonths} months) back, the limit for template reports; the earliest allowed date is {ApiDates.Format(earliest)} (UTC). Use a later start date.");
            DateTime latestEnd = LatestEnd(start);
            if (end > latestEnd)
                throw new PinterestValidationException(ErrorIds.SpanTooLong, endParameter,
                    $"-{endParameter} {ApiDates.Format(end)} is more than 2.5 years ({ApiLimits.TemplateReportMaxMonthsAfterStart} months) after -{startParameter} {ApiDates.Format(start)}, the limit for template reports; end on or before {ApiDates.Format(latestEnd)}.");
        }
    }
}
