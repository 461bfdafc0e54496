using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Api;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Date and time parameters: today and yesterday in ISO form (yyyy-MM-dd, UTC: the dates the API counts in,
    /// on the default session's clock), and never file names.
    /// </summary>
    public sealed class DateCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            DateTime today = ApiDates.Today(PinterestSession.Default?.Time ?? TimeProvider.System);
            return CompletionValues.StartingWith(new[] { (ApiDates.Format(today), "today (UTC)"), (ApiDates.Format(today.AddDays(-1)), "yesterday (UTC)") }, wordToComplete);
        }
    }
}
