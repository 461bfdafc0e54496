using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Templates;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes template ids (-TemplateId, -Id) or names (-Name) from the templates the session has
    /// listed (Get-PinTemplate fills the cache); when it has not, the first Tab lists them, waiting at
    /// most <see cref="FetchTimeout"/>.
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
            var templates = session.Cache.Peek<IReadOnlyList<PinTemplate>>(TemplateQueries.CacheKey(account)) ?? FetchOnce(session, account);
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

        /// <summary>How long the first Tab may wait for the template list.</summary>
        internal static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(2);

        // The first Tab lists the account's templates (one paged request, which fills the cache
        // for every later Tab and for -TemplateId lookups), waiting at most FetchTimeout; a slow
        // or failing API just completes nothing this time.
        private static IReadOnlyList<PinTemplate>? FetchOnce(PinterestSession session, string account)
        {
            if (session.IsDisposed) return null;
            using var timeout = new CancellationTokenSource(FetchTimeout);
            try
            {
                var listing = Task.Run(() => TemplateQueries.ListAsync(session, account, NullPinLog.Instance, timeout.Token));
                return listing.Wait(FetchTimeout) ? listing.Result : null;
            }
            catch (Exception ex) when (ex is AggregateException || ex is OperationCanceledException || ex is PinterestException)
            {
                return null;
            }
        }

        private static string Quote(string name) => name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
