using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Analytics;
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
    /// Today it runs the synchronous analytics query and runner; when the planner chooses asynchronous
    /// reports too, only this class changes.
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
        /// Checks the definition against the operation's facts (targeting types, windows) without a request,
        /// and returns how many calls one window of <paramref name="days"/> days costs for <paramref name="idCount"/> ids.
        /// </summary>
        public static int CallsPerWindow(SyncDefinition definition, int idCount, int days, DateTime today)
        {
            var ids = Enumerable.Range(1, Math.Max(0, idCount)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var query = Query(definition, "1", ids, new SyncWindow(today.AddDays(-days), today.AddDays(-1)));
            return AnalyticsPlan.Create(query, definition.Columns, NullPinLog.Instance).Calls.Count;
        }

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
                default:
                    await foreach (var e in EntityQueries.ProductGroups(_session.Api, adAccountId, filter, log, ct).ConfigureAwait(false)) ids.Add(e.Id);
                    break;
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
        /// landed), so a window is always complete.
        /// </summary>
        public async Task<IReadOnlyList<object?[]>> PullAsync(SyncDefinition definition, SyncAccount account, IReadOnlyList<string> ids,
            SyncWindow window, Func<DateTime, bool> isFinal, IPinLog log, CancellationToken ct)
        {
            var query = Query(definition, account.Id, ids, window);
            var plan = AnalyticsPlan.Create(query, definition.Columns, log);
            var table = definition.Table;
            var rows = new List<object?[]>();
            Exception? failure = null;
            string[]? sourceNames = null;
            int dateOrdinal = table.DateOrdinal, finalOrdinal = table.IndexOf(SyncTable.MetricsFinal), currencyOrdinal = table.IndexOf(SyncTable.Currency);
            await AnalyticsRunner.RunAsync(_session.Api, plan, _resources,
                row =>
                {
                    var values = (IDictionary)row;
                    sourceNames ??= table.Columns.Select(c => c.Name).ToArray();
                    var target = new object?[table.Columns.Count];
                    for (int i = 0; i < target.Length; i++)
                        if (i != finalOrdinal && i != currencyOrdinal) target[i] = values[sourceNames[i]];
                    target[currencyOrdinal] = account.Currency;
                    target[finalOrdinal] = target[dateOrdinal] is DateTime date && isFinal(date.Date);
                    rows.Add(target);
                },
                (error, call) => failure ??= error,
                log, ct).ConfigureAwait(false);
            if (failure != null) throw failure;
            return rows;
        }

        private static AnalyticsQuery Query(SyncDefinition definition, string adAccountId, IReadOnlyList<string> ids, SyncWindow window) => new AnalyticsQuery
        {
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
