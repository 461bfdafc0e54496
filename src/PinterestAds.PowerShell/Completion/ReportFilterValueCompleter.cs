using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Engine.Reports;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Completes New-PinAsyncReport's enum-valued filters (-TargetingType, -CampaignStatus, ...) with the
    /// values the async report body allows in the API catalogue. No network call.
    /// </summary>
    public sealed class ReportFilterValueCompleter : IArgumentCompleter
    {
        // Parameter -> the body field whose allowed values it takes.
        private static readonly Dictionary<string, string> FieldOf = new(StringComparer.OrdinalIgnoreCase)
        {
            ["TargetingType"] = "targeting_types",
            ["CampaignStatus"] = "campaign_statuses",
            ["AdGroupStatus"] = "ad_group_statuses",
            ["AdStatus"] = "ad_statuses",
            ["ProductGroupStatus"] = "product_group_statuses",
            ["CampaignObjectiveType"] = "campaign_objective_types",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            return FieldOf.TryGetValue(parameterName, out string? field)
                ? CompletionValues.StartingWith(ReportRequestPlanner.AllowedValues(field), wordToComplete)
                : Enumerable.Empty<CompletionResult>();
        }
    }
}
