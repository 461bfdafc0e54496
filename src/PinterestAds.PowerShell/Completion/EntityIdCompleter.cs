using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes campaign, ad group, ad and product group ids, and report tokens, from what this
    /// process has already written (see <see cref="SeenIds"/>), matching on id or name; never calls
    /// the network. With nothing known it offers nothing, never file names.
    /// </summary>
    public sealed class EntityIdCompleter : IArgumentCompleter
    {
        private static readonly string[] AllEntities = { "Campaign", "AdGroup", "Ad", "ProductGroup" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return SeenIds.Of(KindsOf(commandName, parameterName, fakeBoundParameters))
                .Where(s => s.Key.StartsWith(typed, StringComparison.Ordinal)
                            || (s.Value ?? "").StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Take(200)
                .Select(s => new CompletionResult(s.Key, s.Value == null ? s.Key : $"{s.Key} ({s.Value})",
                    CompletionResultType.ParameterValue, s.Value ?? s.Key))
                .ToList();
        }

        private static string[] KindsOf(string commandName, string parameterName, IDictionary fakeBoundParameters)
        {
            switch (parameterName.ToUpperInvariant())
            {
                case "TOKEN": return new[] { SeenIds.ReportToken };
                case "CAMPAIGNID": return new[] { "Campaign" };
                case "ADGROUPID": return new[] { "AdGroup" };
                case "ADID": return new[] { "Ad" };
                case "PRODUCTGROUPID": return new[] { "ProductGroup" };
            }
            // -Id: the cmdlet's own entity, or the -Level of an analytics call.
            string noun = commandName.Substring(commandName.IndexOf('-') + 1);
            switch (noun.ToUpperInvariant())
            {
                case "PINCAMPAIGN": return new[] { "Campaign" };
                case "PINADGROUP": return new[] { "AdGroup" };
                case "PINAD": return new[] { "Ad" };
                case "PINPRODUCTGROUP": return new[] { "ProductGroup" };
            }
            string? level = fakeBoundParameters?["Level"]?.ToString()?.Replace("_", "");
            string? match = AllEntities.FirstOrDefault(k => string.Equals(k, level, StringComparison.OrdinalIgnoreCase));
            return match != null ? new[] { match } : AllEntities;
        }
    }
}
