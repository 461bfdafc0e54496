using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Sync
{
    /// <summary>An ad account a run covers, with the currency its rows are in.</summary>
    internal sealed class SyncAccount
    {
        public SyncAccount(string id, string? currency)
        {
            Id = id;
            Currency = currency;
        }

        public string Id { get; }
        public string? Currency { get; }
    }

    /// <summary>
    /// The one place the sync reaches the analytics engine (columns, accounts, entity ids, rows, metrics
    /// readiness): everything else in Engine/Sync works on <see cref="SyncTable"/> rows (<c>object?[]</c>).
    /// Each window runs through <see cref="AnalyticsExecution"/> in <see cref="AnalyticsMode.Auto"/>: a window
    /// within the synchronous limits takes the synchronous endpoints, one beyond them (a backfill older than
    /// 90 days) async reports; both give rows of one shape.
    /// </summary>
    internal sealed class AnalyticsSource
    {
        private readonly PinterestSession _session;
        private readonly IAnalyticsResources _resources;

        public AnalyticsSource(PinterestSession session)
        {
            _session = session;
            _resources = new SessionAnalyticsResources(session);
        }

        /// <summary>Production, sandbox or a custom base address: the sandbox has no async reports.</summary>
        public PinEnvironment Environment => _session.Environment;

        /// <summary>The session's clock: the run's "today" and its timestamps.</summary>
        public TimeProvider Time => _session.Time;

        /// <summary>Requests the session has sent so far (for per-account counts).</summary>
        public long RequestsSent => _session.Statistics.Requests;

        /// <summary>
        /// Column names as the user gave them (API names, wildcards, display names) resolved to API names. Only
        /// display names need the metric catalogue (one request); API names need none.
        /// </summary>
        public async Task<IReadOnlyList<string>> ResolveColumnsAsync(AnalyticsLevel level, bool targeting, IReadOnlyList<string> columns, IPinLog log, CancellationToken ct)
        {
            var operation = AnalyticsOperation.For(level, targeting);
            IReadOnlyList<MetricName>? catalogue = null;
            if (ColumnResolver.NeedsDisplayNames(columns, operation.Columns))
                catalogue = await _resources.GetMetricNamesAsync(log, ct).ConfigureAwait(false);
            return ColumnResolver.Resolve(columns, operation.Columns, catalogue);
        }

        /// <summary>
        /// Whether async reports can answer this definition in this session: not in the sandbox (it has none),
        /// and only at levels that have an async report level (not Pin, not Keyword).
        /// </summary>
        public bool AsyncReportsAvailable(SyncDefinition definition) => AsyncReportsAvailable(definition, _session.Environment);

        internal static bool AsyncReportsAvailable(SyncDefinition definition, PinEnvironment environment) =>
            environment != PinEnvironment.Sandbox
            && (definition.Level == AnalyticsLevel.AdAccount || definition.Level == AnalyticsLevel.Campaign || definition.Level == AnalyticsLevel.AdGroup
                || definition.Level == AnalyticsLevel.Ad || definition.Level == AnalyticsLevel.ProductGroup);

        /// <summary>
        /// Checks the definition against the operation's facts (targeting types, windows, columns) without a request;
        /// with <paramref name="asyncToo"/> (a backfill beyond the synchronous reach) against async reports' too, so
        /// what they do not offer is refused before the first request, not halfway through the run.
        /// </summary>
        public static void Validate(SyncDefinition definition, DateTime today, bool asyncToo)
        {
            var ids = definition.Level == AnalyticsLevel.AdAccount ? Array.Empty<string>() : new[] { "1" };
            AnalyticsPlan.Create(Query(definition, "1", ids, new SyncWindow(today.AddDays(-1), today.AddDays(-1)), today, PinEnvironment.Production), definition.Columns, NullPinLog.Instance);
            int syncLookback = DateWindows.LimitFor(definition.Granularity, definition.Operation.Id).LookbackDays;
            int asyncLookback = (definition.Granularity == Granularity.Hour ? ApiLimits.AsyncReportHourly : ApiLimits.AsyncReport).LookbackDays;
            if (!asyncToo || asyncLookback <= syncLookback) return;
            var beyond = today.AddDays(-(syncLookback + 1));
            var query = Query(definition, "1", ids, new SyncWindow(beyond, beyond), today, PinEnvironment.Production);
            query.Mode = AnalyticsMode.Async;
            AsyncAnalyticsRunner.Plan(query, definition.Columns, NullPinLog.Instance);
        }

        /// <summary>
        /// The API requests one window costs for <paramref name="idCount"/> ids, as the execution plans it, without
        /// a request: synchronous calls, or per async report one creation and at least one status poll (the
        /// download goes to the object store, not the API). <paramref name="path"/> says which path it takes.
        /// </summary>
        public static int RequestsPerWindow(SyncDefinition definition, int idCount, SyncWindow window, DateTime today, PinEnvironment environment, out AnalyticsMode path)
        {
            var ids = Enumerable.Range(1, Math.Max(0, idCount)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var query = Query(definition, "1", ids, window, today, environment);
            var choice = AnalyticsPathPlanner.Choose(query);
            path = choice.Path;
            if (choice.Path == AnalyticsMode.Async)
                return AsyncAnalyticsRunner.Plan(query, definition.Columns, NullPinLog.Instance).ReportCount * RequestsPerAsyncReport;
            return AnalyticsPlan.Create(query, definition.Columns, NullPinLog.Instance).Calls.Count;
        }

        /// <summary>The least API requests one async report costs: its creation and one status poll (more if it is not ready at once).</summary>
        internal const int RequestsPerAsyncReport = 2;

        /// <summary>Every ad account the token can read (owned and shared), with currencies.</summary>
        public async Task<IReadOnlyList<SyncAccount>> ListAccountsAsync(IPinLog log, CancellationToken ct)
        {
            var accounts = new List<SyncAccount>();
            var filter = new EntityFilter { IncludeSharedAccounts = true };
            await foreach (var account in EntityQueries.AdAccounts(_session.Api, filter, log, ct).ConfigureAwait(false))
                accounts.Add(new SyncAccount(account.Id, account.Currency));
            return accounts;
        }

        /// <summary>The level's entity ids in the account, whatever their status (archived entities keep their history).</summary>
        public async Task<IReadOnlyList<string>> ListEntityIdsAsync(string adAccountId, AnalyticsLevel level, IPinLog log, CancellationToken ct)
        {
            var filter = new EntityFilter { Statuses = new[] { EntityStatus.Active, EntityStatus.Paused, EntityStatus.Archived } };
            var ids = new List<string>();
            switch (level)
            {
                case AnalyticsLevel.AdAccount:
                    return ids;
                case AnalyticsLevel.Campaign:
                    await foreach (var e in EntityQueries.Campaigns(_session.Api, adAccountId, filter, log, ct).ConfigureAwait(false)) ids.Add(e.Id);
                    break;
                case AnalyticsLevel.AdGroup:
                    await foreach (var e in EntityQueries.AdGroups(_session.Api, adAccountId, filter, log, ct).ConfigureAwait(false)) ids.Add(e.Id);
                    break;
                case AnalyticsLevel.Ad:
                    await foreach (var e in EntityQueries.Ads(_session.Api, adAccountId, filter, log, ct).ConfigureAwait(false)) ids.Add(e.Id);
                    break;
                case AnalyticsLevel.ProductGroup:
                    await foreach (var e in EntityQueries.ProductGroups(_session.Api, adAccountId, filter, log, ct).ConfigureAwait(false)) ids.Add(e.Id);
                    break;
                default:
                    throw new InvalidOperationException($"Level {level} is refused by SyncDefinition.");
            }
            return ids.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>Whether each date's metrics are final (conversion and non-conversion), from the metrics ready state.</summary>
        public async Task<IReadOnlyDictionary<DateTime, bool>> ReadinessAsync(IReadOnlyList<DateTime> dates, IPinLog log, CancellationToken ct)
        {
            var result = new Dictionary<DateTime, bool>();
            if (dates.Count == 0) return result;
            foreach (var state in await _resources.GetReadinessAsync(dates, log, ct).ConfigureAwait(false))
                result[state.Date.Date] = state.IsFinal;
            return result;
        }

        /// <summary>
        /// Every row of one window, in the table's shape. A call that fails fails the window (nothing of it is
        /// landed), so a window is always complete. <paramref name="callDone"/> hears (calls done, calls in all) on the sync path.
        /// </summary>
        public async Task<IReadOnlyList<object?[]>> PullAsync(SyncDefinition definition, SyncAccount account, IReadOnlyList<string> ids,
            SyncWindow window, Func<DateTime, bool> isFinal, IPinLog log, CancellationToken ct, Action<int, int>? callDone = null)
        {
            var query = Query(definition, account.Id, ids, window, ApiDates.Today(_session.Time), _session.Environment);
            var execution = await AnalyticsExecution.PlanAsync(query, _resources, log, ct).ConfigureAwait(false);
            var table = definition.Table;
            var rows = new List<object?[]>();
            Exception? failure = null;
            string[]? sourceNames = null;
            int dateOrdinal = table.DateOrdinal, finalOrdinal = table.IndexOf(SyncTable.MetricsFinal), currencyOrdinal = table.IndexOf(SyncTable.Currency);
            // Both paths give the one row shape; the async path throws on a failed report instead of calling back.
            await execution.RunAsync(_session, _resources,
                row =>
                {
                    // The typed view: the non-generic IDictionary is the export view (culture-independent text).
                    var values = (IDictionary<string, object?>)row;
                    sourceNames ??= table.Columns.Select(c => c.Name).ToArray();
                    var target = new object?[table.Columns.Count];
                    for (int i = 0; i < target.Length; i++)
                        if (i != finalOrdinal && i != currencyOrdinal) target[i] = values[sourceNames[i]];
                    target[currencyOrdinal] = account.Currency;
                    target[finalOrdinal] = target[dateOrdinal] is DateTime date && isFinal(date.Date);
                    rows.Add(target);
                },
                (error, call) => failure ??= error,
                log, ct, callDone).ConfigureAwait(false);
            if (failure != null) throw failure;
            return rows;
        }

        private static AnalyticsQuery Query(SyncDefinition definition, string adAccountId, IReadOnlyList<string> ids, SyncWindow window, DateTime today, PinEnvironment environment) => new AnalyticsQuery
        {
            Today = today,
            Mode = AnalyticsMode.Auto,
            Environment = environment,
            AdAccountId = adAccountId,
            Level = definition.Level,
            Targeting = definition.IsTargeting,
            Ids = ids,
            StartDate = window.Start,
            EndDate = window.End,
            Columns = definition.Columns,
            Granularity = definition.Granularity,
            TargetingTypes = definition.TargetingTypes,
            ClickWindowDays = definition.ClickWindowDays,
            EngagementWindowDays = definition.EngagementWindowDays,
            ViewWindowDays = definition.ViewWindowDays,
            ConversionReportTime = definition.ConversionReportTime,
            // The sync asks the ready state itself, once per run, and records it on every row.
            SkipFreshnessCheck = true,
            ResolveTargetingNames = true,
        };
    }
}
