using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// The planner of one analytics query: chooses the path (<see cref="AnalyticsPathPlanner"/>), resolves the
    /// columns against that path's column list (API names, wildcards, display names), checks everything and
    /// plans the calls or reports - all before any analytics request - then runs it. Both paths give rows of
    /// one shape (<see cref="AnalyticsRowShape"/>).
    /// </summary>
    internal sealed class AnalyticsExecution
    {
        private AnalyticsExecution(AnalyticsPathChoice choice, AnalyticsPlan? sync, AsyncAnalyticsPlan? async)
        {
            Choice = choice;
            SyncPlan = sync;
            AsyncPlan = async;
        }

        public AnalyticsPathChoice Choice { get; }
        public AnalyticsPlan? SyncPlan { get; }
        public AsyncAnalyticsPlan? AsyncPlan { get; }

        /// <summary>What will be sent, for -WhatIf and -Verbose.</summary>
        public string Describe()
        {
            if (SyncPlan != null)
            {
                var plan = SyncPlan;
                return $"{plan.Calls.Count} synchronous {plan.Operation.Id} call(s) ({Math.Max(1, plan.Calls.Select(c => c.ChunkIndex).Distinct().Count())} id chunk(s) x {plan.Spans.Count} date span(s)" +
                       (plan.Operation.IsTargeting ? $" x {plan.Calls.Select(c => string.Join(",", c.TargetingTypes)).Distinct().Count()} targeting-type chunk(s)" : "") +
                       $"), up to {plan.Query.ThrottleLimit} at once. Why: {Choice.Reason}";
            }
            return $"{AsyncPlan} (create, wait, download whole, then read). Why: {Choice.Reason}";
        }

        public static async Task<AnalyticsExecution> PlanAsync(AnalyticsQuery query, IAnalyticsResources resources, IPinLog log, CancellationToken ct)
        {
            var choice = AnalyticsPathPlanner.Choose(query);
            var operation = AnalyticsOperation.For(query.Level, query.Targeting);
            IReadOnlyList<string> allowed = choice.Path == AnalyticsMode.Async
                ? ReportRequestPlanner.AllowedValues("columns")
                : operation.Columns;
            IReadOnlyList<MetricName>? catalogue = null;
            if (ColumnResolver.NeedsDisplayNames(query.Columns, allowed))
            {
                try
                {
                    catalogue = await resources.GetMetricNamesAsync(log, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    log.Verbose($"The metric catalogue is not reachable ({ex.Message}); display names cannot be resolved.");
                }
            }
            var columns = ColumnResolver.Resolve(query.Columns, allowed, catalogue);
            var execution = choice.Path == AnalyticsMode.Async
                ? new AnalyticsExecution(choice, null, AsyncAnalyticsRunner.Plan(query, columns, log))
                : new AnalyticsExecution(choice, AnalyticsPlan.Create(query, columns, log), null);
            log.Verbose($"Plan: {execution.Describe()}");
            return execution;
        }

        /// <summary>
        /// Runs the plan; <c>callDone</c> (for progress) hears (calls done, calls in all) after each sync call, or
        /// (steps done, steps in all) on the async path: each report's creation, finish and download.
        /// </summary>
        public Task RunAsync(PinterestSession session, IAnalyticsResources resources, Action<AnalyticsRow> output,
            Action<Exception, AnalyticsCall> failed, IPinLog log, CancellationToken ct, Action<int, int>? callDone = null) =>
            SyncPlan != null
                ? AnalyticsRunner.RunAsync(session.Api, SyncPlan, resources, output, failed, log, ct, callDone)
                : AsyncAnalyticsRunner.RunAsync(session, AsyncPlan!, resources, output, log, ct, callDone);
    }
}
