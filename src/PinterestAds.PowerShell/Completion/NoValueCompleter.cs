using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// For free-text values (names, client ids, pin and product item ids, filters) where the module
    /// knows no values: completes nothing, so that Tab never offers file names, which PowerShell
    /// does for a parameter with no completer at all.
    /// </summary>
    public sealed class NoValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => Enumerable.Empty<CompletionResult>();
    }
}
