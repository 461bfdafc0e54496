using System;
using System.Management.Automation;
using PinterestAds.Engine.Analytics;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// Targeting analytics of an ad account, campaigns, ad groups or ads: one typed row per entity, date,
    /// targeting type and value, with the value's readable name (LOCATION "500" reads "U.S.: Portland-Auburn").
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinTargetingAnalytics", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Pages + "Get-PinTargetingAnalytics.md")]
    [OutputType(typeof(AnalyticsRow))]
    public sealed class GetPinTargetingAnalyticsCommand : AnalyticsCmdlet
    {
        /// <summary>Targeting types to break down by; any number (split into calls when over the operation's maximum).</summary>
        [Parameter(Mandatory = true)]
        [ApiEnumArgumentTransformation(typeof(AnalyticsTargetingType))]
        [ValidateNotNullOrEmpty]
        public AnalyticsTargetingType[] TargetingType { get; set; } = null!;

        /// <summary>Individual and/or household attribution.</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(AttributionType))]
        [ValidateNotNullOrEmpty]
        public AttributionType[]? AttributionType { get; set; }

        private protected override bool Targeting => true;

        private protected override void Describe(AnalyticsQuery query)
        {
            query.TargetingTypes = TargetingType;
            query.AttributionTypes = AttributionType ?? Array.Empty<AttributionType>();
        }
    }
}
