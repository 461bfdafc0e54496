using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Resources;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes metric (column) names from the session's cached metric catalogue, with the display name
    /// and definition as tooltip; before the catalogue was fetched, from the column enums of the embedded
    /// API catalogue. Typing a display name ("Earned") completes to its column name. Never calls the network.
    /// </summary>
    public sealed class MetricNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = new WildcardPattern(word + (word.EndsWith("*", StringComparison.Ordinal) ? "" : "*"), WildcardOptions.IgnoreCase);
            var session = fakeBoundParameters?["Session"] as PinterestSession ?? (fakeBoundParameters?["Session"] as PSObject)?.BaseObject as PinterestSession
                ?? PinterestSession.Default;

            var cached = session != null && !session.IsDisposed ? MetricCatalog.PeekAny(session).ToList() : new List<PinMetricDefinition>();
            IEnumerable<(string Name, string Tooltip)> candidates = cached.Count > 0
                ? cached.Where(d => pattern.IsMatch(d.Name) || (d.DisplayName != null && pattern.IsMatch(d.DisplayName)))
                    .Select(d => (d.Name, Tooltip: d.DisplayName != null ? $"{d.DisplayName}: {d.Definition}" : d.Definition ?? d.Name))
                : CatalogColumns().Where(c => pattern.IsMatch(c)).Select(c => (c, c));

            return candidates
                .GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new CompletionResult(c.Name, c.Name, CompletionResultType.ParameterValue, string.IsNullOrEmpty(c.Tooltip) ? c.Name : c.Tooltip))
                .ToList();
        }

        /// <summary>Every column any covered operation or the async report body accepts, from the embedded description extract.</summary>
        internal static IReadOnlyList<string> CatalogColumns() => Columns.Value;

        private static readonly Lazy<IReadOnlyList<string>> Columns = new Lazy<IReadOnlyList<string>>(() =>
        {
            var catalog = ApiCatalog.Current;
            var fromOperations = catalog.Operations
                .SelectMany(op => op.Parameters.Values.Where(p => p.Name == "columns").SelectMany(p => p.AllowedValues ?? new string[0]));
            var fromBody = catalog.Body("AdsAnalyticsCreateAsyncRequest").Properties.TryGetValue("columns", out var columns)
                ? columns.AllowedValues ?? new string[0]
                : new string[0];
            return fromOperations.Concat(fromBody).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
        });
    }
}
