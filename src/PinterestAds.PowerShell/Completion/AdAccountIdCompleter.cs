using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes ad account ids from the accounts the session has already seen (Get-PinAdAccount, the
    /// default account of Connect-PinAccount), matching on id or name; never calls the network.
    /// </summary>
    public sealed class AdAccountIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = (fakeBoundParameters?["Session"] as PinterestSession) ?? PinterestSession.Default;
            if (session == null || session.IsDisposed) return Enumerable.Empty<CompletionResult>();
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return session.KnownAdAccounts
                .Where(a => a.Key.StartsWith(typed, StringComparison.Ordinal)
                            || (a.Value ?? "").StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new CompletionResult(a.Key, a.Value == null ? a.Key : $"{a.Key} ({a.Value})",
                    CompletionResultType.ParameterValue, a.Value ?? a.Key));
        }
    }
}
