using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>Completes -Level with the thirteen report levels, matching either spelling as typed (Camp, CAMPAIGN_T).</summary>
    public sealed class ReportLevelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (ReportLevel level in Enum.GetValues(typeof(ReportLevel)))
            {
                string name = level.ToString();
                string api = ApiNames.ToApi(level);
                if (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || api.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, api);
            }
        }
    }
}
