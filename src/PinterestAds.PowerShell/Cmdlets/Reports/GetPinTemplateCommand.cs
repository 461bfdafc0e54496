using System;
using System.Management.Automation;
using PinterestAds.Engine.Templates;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>Lists the report templates of an ad account (all pages), optionally by name with wildcards or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinTemplate", HelpUri = Infrastructure.HelpLinks.Pages + "Get-PinTemplate.md")]
    [OutputType(typeof(PinTemplate))]
    public sealed class GetPinTemplateCommand : PinApiCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Only templates whose name matches (wildcards: 'Weekly*').</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter]
        [Alias("TemplateId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.TemplateNameCompleter))]
        public string[]? Id { get; set; }

        /// <summary>The order Pinterest lists templates in (the listing's <c>order</c>: Ascending or Descending).</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(SortOrder))]
        public SortOrder? Order { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            if (!TryResolveAdAccountId(session, AdAccountId, out string adAccountId)) return;

            var patterns = Array.ConvertAll(Name ?? Array.Empty<string>(), n => new WildcardPattern(n, WildcardOptions.IgnoreCase));
            RunItem(adAccountId, () =>
            {
                var templates = Pump(async (pump, ct) => await TemplateQueries.ListAsync(session, adAccountId, pump, ct, Order).ConfigureAwait(false));
                foreach (var template in templates)
                {
                    if (patterns.Length > 0 && !Array.Exists(patterns, p => p.IsMatch(template.Name ?? ""))) continue;
                    if (Id != null && Array.IndexOf(Id, template.Id) < 0) continue;
                    WriteObject(template);
                }
            });
        }
    }
}
