using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Api;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>Completes the attribution window parameters with the day counts the description allows.</summary>
    public sealed class AttributionWindowCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var allowed = ApiCatalog.Current.Operation("ad_account/analytics").Parameter("click_window_days").AllowedValues ?? Array.Empty<string>();
            return allowed
                .Where(v => v.StartsWith(wordToComplete ?? "", StringComparison.Ordinal))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, $"{v} day(s)"));
        }
    }
}
