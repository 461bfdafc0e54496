using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>What the catalogue-driven completers share: the allowed values that start with what was typed.</summary>
    internal static class CompletionValues
    {
        public static IEnumerable<CompletionResult> StartingWith(IEnumerable<string> allowed, string? wordToComplete)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return allowed
                .Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value))
                .ToList();
        }
    }
}
