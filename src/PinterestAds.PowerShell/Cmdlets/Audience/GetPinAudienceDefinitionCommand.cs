using System;
using System.Management.Automation;
using PinterestAds.Engine.Audience;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Audience
{
    /// <summary>
    /// The audiences available for insights in an ad account, with their scope, type and date
    /// (GET /ad_accounts/{id}/insights/audiences).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinAudienceDefinition", HelpUri = HelpLinks.Pages + "Get-PinAudienceDefinition.md")]
    [OutputType(typeof(PinAudienceDefinition))]
    public sealed class GetPinAudienceDefinitionCommand : PinApiCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            RunItem(AdAccountId, () =>
            {
                string adAccountId = ResolveAdAccountId(session, AdAccountId);
                Pump(async (pump, ct) =>
                {
                    var definitions = await AudienceInsights.GetDefinitionsAsync(session, adAccountId, pump, ct).ConfigureAwait(false);
                    foreach (var definition in definitions) pump.Output(definition);
                });
            });
        }
    }
}
