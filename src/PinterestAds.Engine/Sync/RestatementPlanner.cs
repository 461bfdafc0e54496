using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Sync
{
    /// <summary>The days one account needs this run, and why, grouped into windows.</summary>
    internal sealed class AccountPlan
    {
        public AccountPlan(string adAccountId, IReadOnlyList<SyncWindow> windows, int newDays, int restatedDays, int resumedDays)
        {
            AdAccountId = adAccountId;
            Windows = windows;
            NewDays = newDays;
            RestatedDays = restatedDays;
            ResumedDays = resumedDays;
        }

        public string AdAccountId { get; }
        public IReadOnlyList<SyncWindow> Windows { get; }

        /// <summary>Days never landed before (the backfill, then each new day).</summary>
        public int NewDays { get; }

        /// <summary>Landed days pulled again: not final when landed, or inside -RestateDays.</summary>
        public int RestatedDays { get; }

        /// <summary>Days a killed run of the same day already landed, not pulled again.</summary>
        public int ResumedDays { get; }
    }

    /// <summary>
    /// Decides which days a run pulls for one account. A day is due when it was never landed (from
    /// <c>-StartDate</c> on, as far back as the API reaches: async reports' lookback where the account can
    /// have them, else synchronous analytics'), when it was landed with metrics that were not final yet
    /// (metrics ready state), or when it is one of the last <c>-RestateDays</c> days up to the end date
    /// (late conversions inside the attribution window). A day a killed run of the same API date already
    /// landed is not due again. Due days become windows of consecutive days: within the synchronous
    /// lookback each is at most one synchronous call's span; beyond it (only async reports reach there)
    /// at most one async report's span, so no window straddles the two paths.
    /// </summary>
    internal static class RestatementPlanner
    {
        /// <summary>
        /// The account's due windows. <c>resumedDays</c>: days the killed run being resumed already landed for
        /// this account (not pulled again). <c>asyncReports</c>: whether async reports can answer this definition
        /// here (not in the sandbox, not at levels without a report level): they reach further back.
        /// </summary>
        public static AccountPlan Plan(SyncAccountState state, DateTime startDate, DateTime endDate, int restateDays,
            Granularity granularity, DateTime today, ISet<DateTime> resumedDays, IPinLog log, string? operationId = null, bool asyncReports = false)
        {
            var syncLimit = DateWindows.LimitFor(granularity, operationId);
            var asyncLimit = granularity == Granularity.Hour ? ApiLimits.AsyncReportHourly : ApiLimits.AsyncReport;
            bool reachesAsync = asyncReports && asyncLimit.LookbackDays > syncLimit.LookbackDays;
            var reach = reachesAsync ? asyncLimit : syncLimit;
            string reachName = reachesAsync ? "async reports" : "synchronous analytics" + (asyncReports ? "" : " (async reports, which reach further, are not available here)");
            DateTime earliest = today.AddDays(-reach.LookbackDays);
            DateTime syncEarliest = today.AddDays(-syncLimit.LookbackDays);
            DateTime start = startDate.Date;
            DateTime end = endDate.Date;
            if (start < earliest)
            {
                // Only the first run of an account can reach this far back; say so once.
                if (!state.Days.Keys.Any(d => d <= earliest))
                    log.Warning($"Account {state.AdAccountId}: -StartDate {ApiDates.Format(start)} is beyond the {reach.LookbackDays}-day reach of {reachName}; the backfill starts at {ApiDates.Format(earliest)}.");
                start = earliest;
            }

            var resumed = resumedDays;
            DateTime restateFrom = end.AddDays(-(Math.Max(0, restateDays) - 1));
            var due = new List<DateTime>();
            int newDays = 0, restated = 0, skipped = 0;
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                bool landed = state.Days.TryGetValue(day, out var landedDay);
                bool isDue = !landed || !landedDay!.Final || (restateDays > 0 && day >= restateFrom);
                if (!isDue) continue;
                if (landed && resumed.Contains(day)) { skipped++; continue; }
                due.Add(day);
                if (landed) restated++; else newDays++;
            }
            // Days landed not final that have fallen out of reach can no longer be corrected: tell the user.
            var unreachable = state.Days.Values.Where(d => !d.Final && d.Date < start).Select(d => d.Date).OrderBy(d => d).ToList();
            if (unreachable.Count > 0)
                log.Warning($"Account {state.AdAccountId}: {unreachable.Count} day(s) landed with metrics that were not final ({ApiDates.Format(unreachable[0])}..{ApiDates.Format(unreachable[unreachable.Count - 1])}) are beyond the {reach.LookbackDays}-day reach now and stay as landed.");

            // Days before the synchronous lookback go to async reports (their longer span); the rest to synchronous calls.
            var windows = Windows(due.Where(d => d < syncEarliest).ToList(), asyncLimit.MaxSpanDays)
                .Concat(Windows(due.Where(d => d >= syncEarliest).ToList(), syncLimit.MaxSpanDays)).ToList();
            return new AccountPlan(state.AdAccountId, windows, newDays, restated, skipped);
        }

        /// <summary>Runs of consecutive days, each cut at <paramref name="maxSpanDays"/>.</summary>
        internal static IReadOnlyList<SyncWindow> Windows(IReadOnlyList<DateTime> days, int maxSpanDays)
        {
            var windows = new List<SyncWindow>();
            int i = 0;
            while (i < days.Count)
            {
                DateTime from = days[i], to = days[i];
                i++;
                while (i < days.Count && days[i] == to.AddDays(1) && (days[i] - from).TotalDays < maxSpanDays)
                {
                    to = days[i];
                    i++;
                }
                windows.Add(new SyncWindow(from, to));
            }
            return windows;
        }
    }
}
