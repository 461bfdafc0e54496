using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Resources;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// Lists Pinterest's metric definitions (GET /resources/delivery_metrics): column name, display name,
    /// definition and category. The catalogue is fetched once per session and cached.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinMetricDefinition", HelpUri = HelpLinks.Pages + "Get-PinMetricDefinition.md")]
    [OutputType(typeof(PinMetricDefinition))]
    public sealed class GetPinMetricDefinitionCommand : PinApiCmdlet
    {
        /// <summary>Column names or display names, wildcards allowed. Without it, every metric.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only metrics of these categories.</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(MetricCategory))]
        public MetricCategory[]? Category { get; set; }

        /// <summary>The catalogue of sync analytics or of async reports; without it, the API's default (both).</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(MetricReportType))]
        public MetricReportType? ReportType { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            IReadOnlyList<PinMetricDefinition> catalogue;
            try
            {
                catalogue = Pump((pump, ct) => MetricCatalog.GetAsync(session, ReportType, pump, ct));
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                Fail(ex, ReportType);
                return;
            }

            var selected = catalogue.Where(d => Category == null || (d.Category.HasValue && Category.Contains(d.Category.Value)));
            if (Name == null)
            {
                foreach (var definition in selected) WriteObject(definition);
                return;
            }

            var list = selected.ToList();
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = list.Where(d => pattern.IsMatch(d.Name) || (d.DisplayName != null && pattern.IsMatch(d.DisplayName))).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteFailure(new PinterestException(ErrorIds.MetricNotFound, PinErrorKind.NotFound,
                        $"No metric is named '{name}'{(Category != null ? " in category " + string.Join("/", Category) : "")}. " +
                        "Use wildcards (-Name *CLICK*) or run Get-PinMetricDefinition without -Name to see them all."), name);
                    continue;
                }
                foreach (var match in matches)
                    if (written.Add(match.Name)) WriteObject(match);
            }
        }
    }
}
