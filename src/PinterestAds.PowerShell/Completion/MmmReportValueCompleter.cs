using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Reports;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes New-PinMmmReport's -Column, -TargetingType and -Country with the values the description's
    /// CreateMMMReportRequest allows (from the API catalogue; no network call).
    /// </summary>
    public sealed class MmmReportValueCompleter : IArgumentCompleter
    {
        private static readonly Dictionary<string, string> FieldOf = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Column"] = "columns",
            ["TargetingType"] = "targeting_types",
            ["Country"] = "countries",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            return FieldOf.TryGetValue(parameterName, out string? field)
                ? CompletionValues.StartingWith(MmmReportQuery.AllowedValues(field), wordToComplete)
                : Enumerable.Empty<CompletionResult>();
        }
    }
}
