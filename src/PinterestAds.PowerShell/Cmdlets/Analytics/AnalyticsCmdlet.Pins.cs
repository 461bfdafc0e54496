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

        /// <summary>With -Level Pin, a piped ad (or a CSV row naming a pin and its campaign) is remembered as (campaign, pin); true when it was taken.</summary>
        private bool RememberPinOfAd(PinEntity entity)
        {
            if (Level != AnalyticsLevel.Pin) return false;
            string? campaignId, pinId;
            if (entity is PinAd ad) (campaignId, pinId) = (ad.CampaignId, ad.PinId);
            else if (entity is Engine.Entities.PinEntityReference row && (row.Level == AnalyticsLevel.Ad || row.Level == AnalyticsLevel.Pin))
                (campaignId, pinId) = (row.IdOf(AnalyticsLevel.Campaign), row.Level == AnalyticsLevel.Pin ? row.Id : row.IdOf(AnalyticsLevel.Pin));
            else return false;
            if (string.IsNullOrEmpty(campaignId) || string.IsNullOrEmpty(pinId))
            {
                WriteFailure(new PinterestValidationException(ErrorIds.IdRequired, "InputObject",
                    $"The piped {entity.Level} {entity.Id} has no campaign or pin id, so it cannot be reported at -Level Pin."), entity);
                return true;
            }
            var key = (entity.AdAccountId, campaignId!);
            if (!_pipedPins.TryGetValue(key, out var pins))
            {
                _pipedPins[key] = pins = new List<string>();
                _pipedPinOrder.Add(key);
            }
            if (!pins.Contains(pinId!)) pins.Add(pinId!);
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
