using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Api;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes New-PinBulkDownload's -EntityType, -CampaignStatus and -CampaignObjectiveType with the
    /// values the API catalogue allows. No network call.
    /// </summary>
    public sealed class CatalogValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            return CompletionValues.StartingWith(ValuesOf(parameterName), wordToComplete);
        }

        private static IEnumerable<string> ValuesOf(string parameterName)
        {
            var body = ApiCatalog.Current.Body("BulkDownloadRequest");
            switch (parameterName.ToUpperInvariant())
            {
                case "ENTITYTYPE": return body.Properties!["entity_types"].AllowedValues ?? Array.Empty<string>();
                case "CAMPAIGNSTATUS": return body.Properties!["campaign_filter"].Properties!["campaign_status"].AllowedValues ?? Array.Empty<string>();
                case "CAMPAIGNOBJECTIVETYPE": return body.Properties!["campaign_filter"].Properties!["objective_type"].AllowedValues ?? Array.Empty<string>();
                default: return Array.Empty<string>();
            }
        }
    }
}
