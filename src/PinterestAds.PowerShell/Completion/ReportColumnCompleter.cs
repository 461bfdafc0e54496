using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Reports;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>Completes -Column with the async report columns of the API catalogue (prefix first, then containing).</summary>
    public sealed class ReportColumnCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"').ToUpperInvariant();
            var columns = ReportRequestPlanner.AllowedValues("columns");
            var prefix = columns.Where(c => c.StartsWith(typed, StringComparison.Ordinal));
            var contains = typed.Length == 0 ? Enumerable.Empty<string>() : columns.Where(c => !c.StartsWith(typed, StringComparison.Ordinal) && c.Contains(typed));
            return prefix.Concat(contains).Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c));
        }
    }
}
