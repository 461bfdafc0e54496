using System;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Audience;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Audience
{
    /// <summary>
    /// Audience insights of an ad account (GET /ad_accounts/{id}/audience_insights): one typed object per
    /// audience type, or with -Flatten one row per (type, dimension, key) ready for Export-Csv.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinAudienceInsight", HelpUri = HelpLinks.Pages + "Get-PinAudienceInsight.md")]
    [OutputType(typeof(PinAudienceInsight), typeof(PinAudienceInsightRow))]
    public sealed class GetPinAudienceInsightCommand : PinApiCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Which audiences; all three by default.</summary>
        [Parameter(Position = 1)]
        [Alias("Type")]
        [ApiEnumArgumentTransformation(typeof(AudienceInsightType))]
        public AudienceInsightType[] AudienceInsightType { get; set; } =
            (AudienceInsightType[])Enum.GetValues(typeof(AudienceInsightType));

        /// <summary>Write one flat row per category, subcategory and demographic value instead of one object per audience.</summary>
        [Parameter]
        public SwitchParameter Flatten { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            if (!TryResolveAdAccountId(session, AdAccountId, out string adAccountId)) return;

            // One request per type; a failed type does not stop the others.
            foreach (var type in AudienceInsightType.Distinct())
            {
                RunItem($"{adAccountId} {ApiNames.ToApi(type)}", () =>
                {
                    Pump(async (pump, ct) =>
                    {
                        var insights = await AudienceInsights.GetAsync(session, adAccountId, new[] { type }, pump, ct).ConfigureAwait(false);
                        foreach (var insight in insights)
                        {
                            if (!Flatten) pump.Output(insight);
                            else foreach (var row in insight.ToRows()) pump.Output(row);
                        }
                    });
                });
            }
        }
    }
}
