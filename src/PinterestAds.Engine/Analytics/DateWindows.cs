using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Checks a date range against the sync lookback (90 days, HOUR 8) and splits it into spans the API
    /// accepts (end at most 90 days after start; HOUR 3 days, except on the ad account). The limits come from <see cref="ApiLimits"/>; "today" is the UTC date.
    /// </summary>
    internal static class DateWindows
    {
        /// <param name="granularity">The granularity asked for.</param>
        /// <param name="operationId">The analytics operation (ad_account/analytics has no 3-day HOUR range); null: the other levels'.</param>
        public static ApiLimits.DateWindow LimitFor(Granularity granularity, string? operationId = null) =>
            ApiLimits.SyncWindow(operationId ?? "", granularity == Granularity.Hour);

        /// <summary>
        /// The checks both paths share: the end is not before the start, and a range reaching past today
        /// ends today (with a warning; a start in the future fails). Returns the end to use.
        /// </summary>
        public static DateTime CheckOrderAndEnd(DateTime start, DateTime end, DateTime today, IPinLog log)
        {
            DateOrder.Require(start, end);
            if (end <= today) return end;
            log.Warning($"-EndDate {ApiDates.Format(end)} is after today ({ApiDates.Format(today)} UTC); the report ends today.");
            if (start > today)
                throw new PinterestValidationException(ErrorIds.StartDateInFuture, "StartDate",
                    $"-StartDate {ApiDates.Format(start)} is in the future (today is {ApiDates.Format(today)} UTC). Give a date on or before today.");
            return today;
        }

        /// <summary>
        /// The spans to request, in date order. Only DAY and HOUR rows can be merged across spans
        /// (TOTAL, WEEK and MONTH buckets would be cut in two), so the others must fit one span.
        /// </summary>
        public static IReadOnlyList<DateSpan> Plan(DateTime startDate, DateTime endDate, DateTime today, Granularity granularity, bool clampToAvailable, IPinLog log, string? operationId = null)
        {
            DateTime start = ApiDates.ToCalendarDate(startDate);
            DateTime end = ApiDates.ToCalendarDate(endDate);
            var limit = LimitFor(granularity, operationId);
            string granularityName = ApiNames.ToApi(granularity);

            end = CheckOrderAndEnd(start, end, today, log);

            DateTime earliest = today.AddDays(-limit.LookbackDays);
            if (start < earliest)
            {
                if (!clampToAvailable || end < earliest)
                {
                    string why = clampToAvailable
                        ? $" -ClampToAvailable cannot help: the whole range ends before {ApiDates.Format(earliest)}."
                        : $" Leave -Mode at Auto (async reports reach {ApiLimits.AsyncReport.LookbackDays} days back) or use New-PinAsyncReport for older data, or add -ClampToAvailable to start at {ApiDates.Format(earliest)} instead.";
                    throw new PinterestValidationException(ErrorIds.StartDateBeyondLookback, "StartDate",
                        $"-StartDate {ApiDates.Format(start)} is more than {limit.LookbackDays} days ago: synchronous analytics at {granularityName} granularity start at most {limit.LookbackDays} days back (the earliest date today is {ApiDates.Format(earliest)} UTC).{why}");
                }
                log.Warning($"-StartDate {ApiDates.Format(start)} is beyond the {limit.LookbackDays}-day lookback of synchronous analytics at {granularityName} granularity; the report starts at {ApiDates.Format(earliest)} instead (-ClampToAvailable). Use New-PinAsyncReport for older data.");
                start = earliest;
            }

            int days = (int)(end - start).TotalDays + 1;
            if (days > limit.MaxSpanDays && granularity != Granularity.Day && granularity != Granularity.Hour)
                throw new PinterestValidationException(ErrorIds.SpanTooLongForGranularity, "EndDate",
                    $"{days} days ({ApiDates.Format(start)} to {ApiDates.Format(end)}) exceed the {limit.MaxSpanDays}-day span of one synchronous call, and {granularityName} rows cannot be merged across calls. Shorten the range to {limit.MaxSpanDays} days, use -Granularity Day, or New-PinAsyncReport.");

            // DAY and HOUR rows cut anywhere: the same splitting as async report parts.
            return ReportWindows.Split(start, end, limit.MaxSpanDays, Granularity.Day).Select(r => new DateSpan(r.Start, r.End)).ToList();
        }
    }
}
