using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Runs an analytics query: resolves the columns, plans the calls (no request until everything is
    /// checked), checks freshness, sends the calls concurrently within the throttle and the session's rate
    /// budget, and hands rows to <c>output</c> in plan order (id chunk, then date span, then targeting-type
    /// chunk; within a call, the API's order).
    /// </summary>
    internal static class AnalyticsRunner
    {
        /// <summary>Plans the query on the synchronous path (columns resolved against the operation's list).</summary>
        public static async Task<AnalyticsPlan> PlanAsync(AnalyticsQuery query, IAnalyticsResources resources, IPinLog log, CancellationToken ct)
        {
            var mode = query.Mode;
            query.Mode = AnalyticsMode.Sync;
            try
            {
                return (await AnalyticsExecution.PlanAsync(query, resources, log, ct).ConfigureAwait(false)).SyncPlan!;
            }
            finally
            {
                query.Mode = mode;
            }
        }

        /// <summary>
        /// Sends the plan's calls. A call that fails for its own reasons (a 400 for its ids, a server error,
        /// a timeout) goes to <paramref name="failed"/> and the others go on; failures that doom every call
        /// (<see cref="FailureScope.EndsCommand"/>: authentication, permission, no session, rate limit) stop the run by throwing.
        /// </summary>
        public static async Task RunAsync(PinterestApiClient api, AnalyticsPlan plan, IAnalyticsResources resources,
            Action<AnalyticsRow> output, Action<Exception, AnalyticsCall> failed, IPinLog log, CancellationToken ct,
            Action<int, int>? callDone = null)
        {
            int done = 0;
            var query = plan.Query;
            if (!query.SkipFreshnessCheck)
                await Freshness.CheckAsync(resources, plan.Spans, query.Today, plan.Columns, query.RequireFinalMetrics, log, ct).ConfigureAwait(false);

            var reader = new AnalyticsResponseReader(plan, await CurrencyOrNullAsync(resources, query.AdAccountId, log, ct).ConfigureAwait(false));
            AnalyticsResponseReader.TargetingNameLookup? names = null;
            if (plan.Operation.IsTargeting && query.ResolveTargetingNames)
                names = NameLookup(resources, query.AdAccountId, log);

            await OrderedFanOut.RunAsync(plan.Calls, query.ThrottleLimit,
                async (call, token) =>
                {
                    try
                    {
                        var response = await api.SendAsync(plan.Request(call), log, token).ConfigureAwait(false);
                        return CallOutcome.Success(await reader.ReadAsync(response.Body, names, token, call).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException && token.IsCancellationRequested))
                    {
                        return CallOutcome.Failure(ex);
                    }
                },
                (call, outcome) =>
                {
                    if (outcome.Error != null)
                    {
                        if (FailureScope.EndsCommand(outcome.Error)) throw outcome.Error;
                        log.Verbose($"{plan.Operation.Id} {call} failed: {outcome.Error.Message}");
                        failed(outcome.Error, call);
                    }
                    else
                    {
                        foreach (var row in outcome.Rows) output(row);
                    }
                    callDone?.Invoke(++done, plan.Calls.Count);
                },
                ct).ConfigureAwait(false);
        }

        /// <summary>The ad account's currency for the rows; a failed lookup warns and leaves Currency empty.</summary>
        internal static async Task<string?> CurrencyOrNullAsync(IAnalyticsResources resources, string adAccountId, IPinLog log, CancellationToken ct)
        {
            try
            {
                return await resources.GetCurrencyAsync(adAccountId, log, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                if (ex is PinterestException p && (p.Kind == PinErrorKind.AuthenticationFailed || p.Kind == PinErrorKind.NotConnected)) throw;
                log.Warning($"The currency of ad account {adAccountId} could not be read ({ex.Message}); Currency is empty.");
                return null;
            }
        }

        /// <summary>Name lookups through the session's targeting options; a failing lookup warns once and leaves names empty.</summary>
        internal static AnalyticsResponseReader.TargetingNameLookup NameLookup(IAnalyticsResources resources, string adAccountId, IPinLog log)
        {
            int warned = 0;
            return async (type, value, ct) =>
            {
                // After one failure, do not retry the fetch for every row.
                if (Volatile.Read(ref warned) != 0) return null;
                try
                {
                    return await resources.ResolveTargetingNameAsync(type, value, adAccountId, log, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    if (Interlocked.Exchange(ref warned, 1) == 0)
                        log.Warning($"Targeting names could not be looked up ({ex.Message}); TargetingName is empty where it could not be resolved.");
                    return null;
                }
            };
        }

        private sealed class CallOutcome
        {
            private CallOutcome(IReadOnlyList<AnalyticsRow> rows, Exception? error)
            {
                Rows = rows;
                Error = error;
            }

            public IReadOnlyList<AnalyticsRow> Rows { get; }
            public Exception? Error { get; }

            public static CallOutcome Success(IReadOnlyList<AnalyticsRow> rows) => new(rows, null);
            public static CallOutcome Failure(Exception error) => new(Array.Empty<AnalyticsRow>(), error);
        }
    }
}
