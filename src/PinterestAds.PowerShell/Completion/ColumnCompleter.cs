using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Resources;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes -Column of the analytics cmdlets with the columns the description allows for the bound
    /// -Level, names starting with the typed text first, then names containing it, then names whose
    /// Ads Manager display name contains it. Display names (as tool tips) come from the metric catalogue
    /// only when the default session fetched it already: completion never calls the network.
    /// </summary>
    public sealed class ColumnCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            bool targeting = commandName != null && commandName.IndexOf("Targeting", StringComparison.OrdinalIgnoreCase) >= 0;
            var level = AnalyticsLevel.AdAccount;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Level"))
            {
                object? bound = fakeBoundParameters["Level"];
                if (bound is PSObject ps) bound = ps.BaseObject;
                if (bound is AnalyticsLevel typed) level = typed;
                else if (bound != null && ApiNames.TryParse<AnalyticsLevel>(bound.ToString(), out var parsed)) level = parsed;
            }

            IReadOnlyList<string> columns;
            try
            {
                columns = AnalyticsOperation.For(level, targeting).Columns;
            }
            catch (PinterestException)
            {
                columns = AnalyticsOperation.For(AnalyticsLevel.AdAccount, targeting).Columns;
            }

            var displayNames = DisplayNames();
            string word = (wordToComplete ?? "").Trim('\'', '"').Trim();
            var ranked = columns
                .Select(name =>
                {
                    displayNames.TryGetValue(name, out var display);
                    int rank = word.Length == 0 || name.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 0
                        : name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0 ? 1
                        : display != null && display.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0 ? 2
                        : -1;
                    return (name, display, rank);
                })
                .Where(c => c.rank >= 0)
                .OrderBy(c => c.rank).ThenBy(c => c.name, StringComparer.Ordinal);

            foreach (var (name, display, _) in ranked)
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, display != null ? $"{name}: {display}" : name);
        }

        private static Dictionary<string, string> DisplayNames()
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var session = PinterestSession.Default;
            if (session == null || session.IsDisposed) return names;
            foreach (var metric in MetricCatalog.PeekAny(session))
                if (metric.DisplayName != null && !names.ContainsKey(metric.Name)) names[metric.Name] = metric.DisplayName;
            return names;
        }
    }
}
