using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Sync.Destinations;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Sync
{
    /// <summary>
    /// One run of Sync-PinAnalytics: checks the definition and the destination (before any request), then
    /// per account reads its state, plans the due windows (<see cref="RestatementPlanner"/>), pulls each
    /// window and replaces it in the destination, and records the run. One account failing (401, 403, 404,
    /// limits) is recorded and the others go on; the summary says what happened to each.
    /// </summary>
    internal sealed class SyncRunner
    {
        private readonly AnalyticsSource _source;
        private readonly ISyncDestination _destination;
        private readonly IPinLog _log;
        private readonly Dictionary<DateTime, bool> _readiness = new Dictionary<DateTime, bool>();
        private readonly Action<SyncProgress>? _progress;

        // progress (optional) hears where the run is - account, calls done of planned, windows - as it goes.
        public SyncRunner(AnalyticsSource source, ISyncDestination destination, IPinLog log, Action<SyncProgress>? progress = null)
        {
            _source = source;
            _destination = destination;
            _log = log;
            _progress = progress;
        }

        /// <summary>Resolves columns and checks the definition against the API's facts (no request for API column names).</summary>
        public async Task<SyncDefinition> DefineAsync(SyncRequest request, CancellationToken ct)
        {
            // Restating re-pulls days that can still change: attribution windows reach 60 days, so the
            // synchronous reach (90 days) covers every late conversion; the backfill alone reaches further.
            if (request.RestateDays is int r && (r < 0 || r > ApiLimits.SyncAnalytics.LookbackDays))
                throw new PinterestValidationException(ErrorIds.RestateDaysOutOfRange, "RestateDays",
                    $"-RestateDays {r} is out of range: give 0 to {ApiLimits.SyncAnalytics.LookbackDays} (synchronous analytics reach {ApiLimits.SyncAnalytics.LookbackDays} days back, " +
                    "beyond the longest attribution window; older days do not change any more).");
            var columns = await _source.ResolveColumnsAsync(request.Level, request.TargetingTypes.Count > 0, request.Columns, _log, ct).ConfigureAwait(false);
            var definition = new SyncDefinition(request.Level, columns, request.Granularity, request.TargetingTypes,
                request.ClickWindowDays, request.EngagementWindowDays, request.ViewWindowDays, request.ConversionReportTime);
            // Validates targeting types, attribution windows and columns against the operation without a request.
            DateTime today = ApiDates.Today(_source.Time);
            var (start, end) = Dates(request, definition, today);
            bool reachesAsync = _source.AsyncReportsAvailable(definition)
                && start < today.AddDays(-Analytics.DateWindows.LimitFor(definition.Granularity, definition.Operation.Id).LookbackDays);
            AnalyticsSource.Validate(definition, today, reachesAsync);
            DateOrder.Require(start, end);
            return definition;
        }

        /// <summary>-WhatIf: the plan per account and its request cost, from the destination's state alone.</summary>
        public async Task<PinSyncSummary> PlanAsync(SyncRequest request, SyncDefinition definition, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            DateTime today = ApiDates.Today(_source.Time);
            await _destination.OpenAsync(definition, readOnly: true, ct).ConfigureAwait(false);
            var (start, end) = Dates(request, definition, today);
            int restateDays = request.RestateDays ?? definition.LongestAttributionWindowDays;
            var results = new List<PinSyncAccountResult>();
            var readinessDates = new HashSet<DateTime>();
            foreach (var id in request.AdAccountIds)
            {
                var state = await _destination.ReadStateAsync(id, ct).ConfigureAwait(false);
                var plan = RestatementPlanner.Plan(state, start, end, restateDays, definition.Granularity, today, new HashSet<DateTime>(), _log,
                    definition.Operation.Id, _source.AsyncReportsAvailable(definition));
                // Without asking Pinterest the entity count is unknown: one id chunk is the least it can cost.
                int listing = definition.Level == AnalyticsLevel.AdAccount || plan.Windows.Count == 0 ? 0 : 1;
                long calls = listing;
                int asyncWindows = 0;
                foreach (var window in plan.Windows)
                {
                    calls += AnalyticsSource.RequestsPerWindow(definition, definition.Level == AnalyticsLevel.AdAccount ? 0 : 1, window, today, _source.Environment, out var path);
                    if (path == AnalyticsMode.Async) asyncWindows++;
                }
                if (asyncWindows > 0)
                    _log.Verbose($"Account {id}: {asyncWindows} window(s) beyond the synchronous reach go to async reports ({AnalyticsSource.RequestsPerAsyncReport} API requests a report at least: creation and a status poll; downloads go to the object store).");
                foreach (var date in ReadinessDates(plan.Windows, today)) readinessDates.Add(date);
                results.Add(new PinSyncAccountResult(id)
                {
                    Status = SyncStatuses.Planned,
                    Windows = new PinSyncWindows(plan.Windows.Select(w => w.ToString())),
                    NewDays = plan.NewDays,
                    RestatedDays = plan.RestatedDays,
                    ResumedDays = plan.ResumedDays,
                    Requests = calls,
                });
            }
            return new PinSyncSummary(_destination.Name, today, whatIf: true, results, readinessDates.Count, watch.Elapsed);
        }

        public async Task<PinSyncSummary> RunAsync(SyncRequest request, SyncDefinition definition, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            DateTime today = ApiDates.Today(_source.Time);
            long requestsBefore = _source.RequestsSent;
            await _destination.OpenAsync(definition, readOnly: false, ct).ConfigureAwait(false);
            var (start, end) = Dates(request, definition, today);
            int restateDays = request.RestateDays ?? definition.LongestAttributionWindowDays;

            // Currencies (and, without -AdAccountId, the accounts themselves) come from one listing.
            var listed = await _source.ListAccountsAsync(_log, ct).ConfigureAwait(false);
            var accounts = request.AdAccountIds.Count == 0
                ? listed.OrderBy(a => a.Id, StringComparer.Ordinal).ToList()
                : request.AdAccountIds.Distinct(StringComparer.Ordinal)
                    .Select(id => listed.FirstOrDefault(a => a.Id == id) ?? new SyncAccount(id, null)).ToList();
            if (accounts.Count == 0) _log.Warning("The token can read no ad account: there is nothing to sync.");

            // A run killed earlier today is resumed under its id: what it finished is not pulled again.
            var run = await _destination.ReadStateAsync(SyncStatuses.RunRecord, ct).ConfigureAwait(false);
            bool resuming = run.LastStatus == SyncStatuses.Running && run.LastRunDate == today && run.LastRunId != null;
            run.LastRunId = resuming ? run.LastRunId : Guid.NewGuid().ToString("N");
            run.LastRunDate = today;
            run.LastRunStarted = _source.Time.GetUtcNow();
            run.LastRunFinished = null;
            run.LastStatus = SyncStatuses.Running;
            await _destination.WriteRunAsync(run, ct).ConfigureAwait(false);
            if (resuming) _log.Verbose($"A run killed earlier today ({run.LastRunId}) is resumed: what it finished is not pulled again.");

            var results = new List<PinSyncAccountResult>();
            long accountRequests = 0;
            for (int index = 0; index < accounts.Count; index++)
            {
                var account = accounts[index];
                ct.ThrowIfCancellationRequested();
                long before = _source.RequestsSent;
                var position = (Number: index + 1, Of: accounts.Count);
                var result = await SyncAccountAsync(definition, account, position, start, end, restateDays, today, run.LastRunId!, resuming, ct).ConfigureAwait(false);
                result.Requests = _source.RequestsSent - before;
                accountRequests += result.Requests;
                results.Add(result);
            }
            run.LastStatus = SyncStatuses.Succeeded;
            run.LastRunFinished = _source.Time.GetUtcNow();
            await _destination.WriteRunAsync(run, ct).ConfigureAwait(false);
            long shared = _source.RequestsSent - requestsBefore - accountRequests;
            return new PinSyncSummary(_destination.Name, today, whatIf: false, results, shared, watch.Elapsed);
        }

        private async Task<PinSyncAccountResult> SyncAccountAsync(SyncDefinition definition, SyncAccount account, (int Number, int Of) position, DateTime start, DateTime end,
            int restateDays, DateTime today, string runId, bool resuming, CancellationToken ct)
        {
            var result = new PinSyncAccountResult(account.Id) { Currency = account.Currency };
            var state = await _destination.ReadStateAsync(account.Id, ct).ConfigureAwait(false);
            bool resumedAccount = resuming && state.LastRunId == runId;
            if (resumedAccount && state.LastStatus == SyncStatuses.Succeeded)
            {
                // The killed run finished this account: nothing of it is pulled again.
                result.Status = SyncStatuses.UpToDate;
                result.ResumedDays = state.DaysLandedBy(runId).Count;
                result.NextDue = NextDue(state, end, restateDays);
                return result;
            }
            var plan = RestatementPlanner.Plan(state, start, end, restateDays, definition.Granularity, today,
                resumedAccount ? state.DaysLandedBy(runId) : new HashSet<DateTime>(), _log, definition.Operation.Id, _source.AsyncReportsAvailable(definition));
            result.Windows = new PinSyncWindows(plan.Windows.Select(w => w.ToString()));
            result.NewDays = plan.NewDays;
            result.RestatedDays = plan.RestatedDays;
            result.ResumedDays = plan.ResumedDays;

            state.LastRunId = runId;
            state.LastRunDate = today;
            state.LastRunStarted = _source.Time.GetUtcNow();
            state.LastRunFinished = null;
            state.LastStatus = SyncStatuses.Running;
            state.LastMessage = null;
            await _destination.WriteRunAsync(state, ct).ConfigureAwait(false);
            if (plan.ResumedDays > 0)
                _log.Verbose($"Account {account.Id}: a run killed earlier today already landed {plan.ResumedDays} day(s); going on after them.");

            try
            {
                IReadOnlyList<string> ids = plan.Windows.Count == 0
                    ? Array.Empty<string>()
                    : await _source.ListEntityIdsAsync(account.Id, definition.Level, _log, ct).ConfigureAwait(false);
                bool hasEntities = definition.Level == AnalyticsLevel.AdAccount || ids.Count > 0;
                await EnsureReadinessAsync(plan.Windows, today, ct).ConfigureAwait(false);
                // The calls each window takes, as the execution plans them (exact now that the entities are known).
                var callsPerWindow = plan.Windows.Select(w => hasEntities
                    ? (long)AnalyticsSource.RequestsPerWindow(definition, definition.Level == AnalyticsLevel.AdAccount ? 0 : ids.Count, w, today, _source.Environment, out _)
                    : 0L).ToList();
                long callsPlanned = callsPerWindow.Sum(), callsBefore = 0;
                Report(position, account, 0, plan.Windows.Count, 0, callsPlanned);
                for (int w = 0; w < plan.Windows.Count; w++)
                {
                    var window = plan.Windows[w];
                    ct.ThrowIfCancellationRequested();
                    int windowsDone = w;
                    long before = callsBefore;
                    IReadOnlyList<object?[]> rows = hasEntities
                        ? await _source.PullAsync(definition, account, ids, window, IsFinal, _log, ct,
                            // Sync windows hear their calls; async ones their report steps, scaled to the window's planned calls.
                            (done, total) => Report(position, account, windowsDone, plan.Windows.Count, before + callsPerWindow[windowsDone] * done / Math.Max(1, total), callsPlanned)).ConfigureAwait(false)
                        : Array.Empty<object?[]>();
                    var counts = rows.GroupBy(definition.Table.DayOf).ToDictionary(g => g.Key, g => g.Count());
                    var landedAt = _source.Time.GetUtcNow();
                    var days = window.Dates().Select(d => new SyncDayState(d, counts.TryGetValue(d, out var n) ? n : 0, IsFinal(d), landedAt, state.LastRunId!)).ToList();
                    var landing = Stopwatch.StartNew();
                    int replaced = await _destination.ReplaceWindowAsync(account.Id, window, rows, days, ct).ConfigureAwait(false);
                    result.LandingTime += landing.Elapsed;
                    foreach (var day in days) state.Days[day.Date] = day;
                    result.WindowsPulled++;
                    result.RowsWritten += rows.Count;
                    result.RowsReplaced += replaced;
                    result.NotFinalDays += days.Count(d => !d.Final);
                    _log.Verbose($"Account {account.Id}: window {window} landed, {rows.Count} row(s) written, {replaced} replaced.");
                    // An async window's report calls are not heard one by one: the window counts as planned when it lands.
                    callsBefore += callsPerWindow[w];
                    Report(position, account, w + 1, plan.Windows.Count, callsBefore, callsPlanned);
                }
                state.LastStatus = SyncStatuses.Succeeded;
                state.LastRunFinished = _source.Time.GetUtcNow();
                await _destination.WriteRunAsync(state, ct).ConfigureAwait(false);
                result.Status = plan.Windows.Count == 0 ? SyncStatuses.UpToDate : SyncStatuses.Succeeded;
            }
            catch (PinterestException ex) when (IsAccountFailure(ex))
            {
                state.LastStatus = SyncStatuses.Failed;
                state.LastRunFinished = _source.Time.GetUtcNow();
                state.LastMessage = ex.Message;
                await _destination.WriteRunAsync(state, ct).ConfigureAwait(false);
                result.Status = SyncStatuses.Failed;
                result.ErrorId = ex.ErrorId;
                result.Error = ex.Message;
                _log.Warning($"Account {account.Id} was not synced: {ex.Message}");
            }
            result.NextDue = NextDue(state, end, restateDays);
            return result;
        }

        private void Report((int Number, int Of) position, SyncAccount account, int windowsDone, int windows, long callsDone, long callsPlanned) =>
            _progress?.Invoke(new SyncProgress(position.Number, position.Of, account.Id, windowsDone, windows, callsDone, callsPlanned));

        /// <summary>
        /// The failures that belong to one account (its permissions, its existence, the API refusing its
        /// calls, limits): recorded, and the run goes on with the next account. Anything else (the
        /// destination failing, Ctrl+C) stops the run.
        /// </summary>
        private static bool IsAccountFailure(PinterestException ex) =>
            ex.Kind == PinErrorKind.AuthenticationFailed || ex.Kind == PinErrorKind.PermissionDenied || ex.Kind == PinErrorKind.NotFound
            || ex.Kind == PinErrorKind.LimitsExceeded || ex.Kind == PinErrorKind.InvalidArgument || ex.Kind == PinErrorKind.ServerError
            || ex.Kind == PinErrorKind.InvalidData || ex.Kind == PinErrorKind.Timeout || ex.Kind == PinErrorKind.NetworkFailure;

        private bool IsFinal(DateTime date) => !_readiness.TryGetValue(date.Date, out var final) || final;

        /// <summary>Asks the ready state of the dates that can still move (once per run, shared by every account).</summary>
        private async Task EnsureReadinessAsync(IReadOnlyList<SyncWindow> windows, DateTime today, CancellationToken ct)
        {
            var missing = ReadinessDates(windows, today).Where(d => !_readiness.ContainsKey(d)).ToList();
            if (missing.Count == 0) return;
            var states = await _source.ReadinessAsync(missing, _log, ct).ConfigureAwait(false);
            foreach (var date in missing) _readiness[date] = states.TryGetValue(date, out var final) && final;
        }

        /// <summary>Only the last days can have metrics that are not final (<see cref="ApiLimits.MetricsSettleDays"/>): older ones need no question.</summary>
        private static IEnumerable<DateTime> ReadinessDates(IEnumerable<SyncWindow> windows, DateTime today)
        {
            DateTime from = today.AddDays(-ApiLimits.MetricsSettleDays);
            return windows.SelectMany(w => w.Dates()).Where(d => d >= from && d <= today).Distinct();
        }

        private static (DateTime Start, DateTime End) Dates(SyncRequest request, SyncDefinition definition, DateTime today)
        {
            DateTime end = request.EndDate.HasValue ? ApiDates.ToCalendarDate(request.EndDate.Value) : today.AddDays(-1);
            if (end > today) end = today;
            DateTime start = request.StartDate.HasValue
                ? ApiDates.ToCalendarDate(request.StartDate.Value)
                : today.AddDays(-Analytics.DateWindows.LimitFor(definition.Granularity, definition.Operation.Id).LookbackDays);
            return (start, end);
        }

        /// <summary>What the next day's run will pull: the days landed not final, and the restatement days then.</summary>
        private static string NextDue(SyncAccountState state, DateTime end, int restateDays)
        {
            DateTime nextEnd = end.AddDays(1);
            DateTime from = restateDays > 0 ? nextEnd.AddDays(-(restateDays - 1)) : nextEnd;
            var notFinal = state.Days.Values.Where(d => !d.Final).Select(d => d.Date).ToList();
            if (notFinal.Count > 0 && notFinal.Min() < from) from = notFinal.Min();
            return $"{ApiDates.Format(from)}..{ApiDates.Format(nextEnd)}";
        }
    }
}
