using System;
using System.Collections.Generic;
using PinterestAds.Engine.Analytics;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    // -Level Pin with ads piped in (Get-PinAd | Get-PinAnalytics -Level Pin): each ad names its campaign
    // and pin; the pins are reported per campaign (ad_pins/analytics takes one campaign per call).
    public abstract partial class AnalyticsCmdlet
    {
        private readonly Dictionary<(string AdAccountId, string CampaignId), List<string>> _pipedPins = new Dictionary<(string, string), List<string>>();
        private readonly List<(string AdAccountId, string CampaignId)> _pipedPinOrder = new List<(string, string)>();
        private string? _pipedPinCampaign;

        /// <summary>With -Level Pin, a piped ad is remembered as (campaign, pin); true when it was taken.</summary>
        private bool RememberPinOfAd(PinEntity entity)
        {
            if (Level != AnalyticsLevel.Pin || !(entity is PinAd ad)) return false;
            if (string.IsNullOrEmpty(ad.CampaignId) || string.IsNullOrEmpty(ad.PinId))
            {
                WriteFailure(new PinterestValidationException(ErrorIds.IdRequired, "InputObject",
                    $"The piped ad {ad.Id} has no campaign or pin id, so it cannot be reported at -Level Pin."), ad);
                return true;
            }
            var key = (ad.AdAccountId, ad.CampaignId!);
            if (!_pipedPins.TryGetValue(key, out var pins))
            {
                _pipedPins[key] = pins = new List<string>();
                _pipedPinOrder.Add(key);
            }
            if (!pins.Contains(ad.PinId!)) pins.Add(ad.PinId!);
            return true;
        }

        private void RunPipedPins()
        {
            if (_pipedPinOrder.Count == 0) return;
            var session = ResolveSession();
            foreach (var key in _pipedPinOrder)
            {
                _pipedPinCampaign = key.CampaignId;
                try { Run(session, key.AdAccountId, AnalyticsLevel.Pin, _pipedPins[key]); }
                finally { _pipedPinCampaign = null; }
            }
            _pipedPins.Clear();
            _pipedPinOrder.Clear();
        }

        /// <summary>The campaign of the piped ads being reported, in place of -CampaignId.</summary>
        private void UsePipedPinCampaign(AnalyticsQuery query)
        {
            if (_pipedPinCampaign != null) query.CampaignIds = new[] { _pipedPinCampaign };
        }
    }
}
