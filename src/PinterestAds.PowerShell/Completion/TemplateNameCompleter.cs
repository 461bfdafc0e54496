using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Templates;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes template ids (-TemplateId) or names (-Name) from the templates the session has already
    /// listed (Get-PinTemplate fills the cache); never calls the network.
    /// </summary>
    public sealed class TemplateNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = (fakeBoundParameters?["Session"] as PinterestSession) ?? PinterestSession.Default;
            if (session == null) return Enumerable.Empty<CompletionResult>();
            string? account = fakeBoundParameters?["AdAccountId"]?.ToString() ?? session.DefaultAdAccountId;
            if (account == null) return Enumerable.Empty<CompletionResult>();
            var templates = session.Cache.Peek<IReadOnlyList<PinTemplate>>(TemplateQueries.CacheKey(account));
            if (templates == null) return Enumerable.Empty<CompletionResult>();

            string typed = (wordToComplete ?? "").Trim('\'', '"');
            bool byName = string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase);
            return templates
                .Where(t => (byName ? t.Name ?? "" : t.Id).StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                            || (!byName && (t.Name ?? "").StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
                .Select(t =>
                {
                    string value = byName ? Quote(t.Name ?? "") : t.Id;
                    return new CompletionResult(value, $"{t.Name} ({t.Id})", CompletionResultType.ParameterValue, $"{t.Level} {t.Granularity}: {t.Name}");
                });
        }

        private static string Quote(string name) => name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
