using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>What the catalogue-driven completers share: the allowed values that start with what was typed.</summary>
    internal static class CompletionValues
    {
        public static IEnumerable<CompletionResult> StartingWith(IEnumerable<string> allowed, string? wordToComplete) =>
            StartingWith(allowed.Select(value => (value, value)), wordToComplete);

        /// <summary>The same, each value with its own tooltip.</summary>
        public static IEnumerable<CompletionResult> StartingWith(IEnumerable<(string Value, string ToolTip)> allowed, string? wordToComplete)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return allowed
                .Where(item => item.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(item => new CompletionResult(item.Value, item.Value, CompletionResultType.ParameterValue, item.ToolTip))
                .ToList();
        }
    }
}
