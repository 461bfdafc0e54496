using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>The path an analytics query takes, and why (shown by -Verbose and -WhatIf).</summary>
    internal sealed class AnalyticsPathChoice
    {
        public AnalyticsPathChoice(AnalyticsMode path, string reason)
        {
            Path = path;
            Reason = reason;
        }

        /// <summary><see cref="AnalyticsMode.Sync"/> or <see cref="AnalyticsMode.Async"/>, never Auto.</summary>
        public AnalyticsMode Path { get; }

        public string Reason { get; }

        public override string ToString() => $"{Path}: {Reason}";
    }

    /// <summary>
    /// Chooses the path of an analytics query before any request. Auto takes the synchronous endpoints when
    /// the range fits their limits (90 days back, HOUR 8; TOTAL/WEEK/MONTH within one call's span, DAY and
    /// HOUR over any number of calls) and async reports beyond (914 days back, HOUR 8), except in the sandbox,
    /// which has no async reports. Options only one path has (-AggregateReportRows and -PinId are sync-only)
    /// keep the query on that path.
    /// </summary>
    internal static class AnalyticsPathPlanner
    {
        public static AnalyticsPathChoice Choose(AnalyticsQuery query)
        {
            DateTime today = query.Today.Date;
            DateTime start = ApiDates.ToCalendarDate(query.StartDate);
            DateTime end = ApiDates.ToCalendarDate(query.EndDate);
            if (end > today) end = today;
            int days = Math.Max(1, (int)(end - start).TotalDays + 1);
            string granularity = ApiNames.ToApi(query.Granularity);
            var sync = ApiLimits.SyncWindow(AnalyticsOperation.For(query.Level, query.Targeting).Id, query.Granularity == Granularity.Hour);
            var asyncWindow = query.Granularity == Granularity.Hour ? ApiLimits.AsyncReportHourly : ApiLimits.AsyncReport;

            string? syncOnly = SyncOnlyOption(query);
            switch (query.Mode)
            {
                case AnalyticsMode.Sync:
                    return new AnalyticsPathChoice(AnalyticsMode.Sync, "-Mode Sync.");
                case AnalyticsMode.Async:
                    if (syncOnly != null)
                        throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, syncOnly,
                            $"-{syncOnly} exists only on the synchronous endpoints; async reports have no such field. Use -Mode Auto or Sync, or drop -{syncOnly}.");
                    if (query.Environment == PinEnvironment.Sandbox)
                        throw new PinterestValidationException(ErrorIds.AsyncNotInSandbox, "Mode",
                            "-Mode Async: the sandbox has no async reports (the description marks them unavailable there). Use -Mode Sync, or connect to production.");
                    return new AnalyticsPathChoice(AnalyticsMode.Async, "-Mode Async.");
            }

            bool lookbackFits = start >= today.AddDays(-sync.LookbackDays);
            bool spanFits = days <= sync.MaxSpanDays || query.Granularity == Granularity.Day || query.Granularity == Granularity.Hour;
            if (lookbackFits && spanFits)
            {
                int calls = (days + sync.MaxSpanDays - 1) / sync.MaxSpanDays;
                return new AnalyticsPathChoice(AnalyticsMode.Sync,
                    $"{days} day(s) from {ApiDates.Format(start)} fit the synchronous limits at {granularity} ({sync.LookbackDays} days back, {sync.MaxSpanDays} days a call; {calls} date span(s)).");
            }

            string beyond = !lookbackFits
                ? $"-StartDate {ApiDates.Format(start)} is more than {sync.LookbackDays} days back (the synchronous lookback at {granularity})"
                : $"{days} days at {granularity} exceed one synchronous call's {sync.MaxSpanDays} days, and {granularity} rows cannot be merged across calls";
            if (syncOnly != null)
                return new AnalyticsPathChoice(AnalyticsMode.Sync, $"{beyond}, but -{syncOnly} exists only on the synchronous endpoints.");
            if (query.Environment == PinEnvironment.Sandbox)
                throw new PinterestValidationException(ErrorIds.BeyondSyncLimitsInSandbox, lookbackFits ? "EndDate" : "StartDate",
                    $"{beyond}, and the sandbox has no async reports to reach further. Keep the range within {sync.LookbackDays} days back" +
                    (spanFits ? "" : $" and {sync.MaxSpanDays} days long (or use -Granularity Day)") + ", or connect to production.");

            if (start < today.AddDays(-asyncWindow.LookbackDays) && !query.ClampToAvailable)
                throw new PinterestValidationException(ErrorIds.StartDateBeyondLookback, "StartDate",
                    $"-StartDate {ApiDates.Format(start)} is more than {asyncWindow.LookbackDays} days back, beyond even async reports at {granularity} (the earliest date today is " +
                    $"{ApiDates.Format(today.AddDays(-asyncWindow.LookbackDays))} UTC). Use a later start date, or add -ClampToAvailable to start there.");
            int parts = (days + asyncWindow.MaxSpanDays - 1) / asyncWindow.MaxSpanDays;
            return new AnalyticsPathChoice(AnalyticsMode.Async,
                $"{beyond}; async reports reach {asyncWindow.LookbackDays} days back, {asyncWindow.MaxSpanDays} days a report (about {parts} report(s) per id chunk).");
        }

        /// <summary>The first option given that only the synchronous endpoints have, or null.</summary>
        private static string? SyncOnlyOption(AnalyticsQuery query)
        {
            if (query.AggregateReportRows == true) return "AggregateReportRows";
            if (query.PinIds.Count > 0) return "PinId";
            if (query.Level == AnalyticsLevel.Pin) return "Level"; // ad_pins/analytics has no async report level
            return null;
        }
    }
}
