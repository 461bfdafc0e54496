using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds
{
    /// <summary>
    /// A keyword (<c>GET /ad_accounts/{id}/keywords</c>). Its parent is the ad account, a campaign (both only
    /// negative keywords) or an ad group (every match type). <see cref="Value"/> is the keyword text.
    /// </summary>
    public sealed class PinKeyword : PinEntity
    {
        internal const string AdvertiserParent = "advertiser";
        internal const string CampaignParent = "campaign";
        internal const string AdGroupParent = "ad_group";

        internal PinKeyword(string adAccountId, JsonElement json) : base(adAccountId, json)
        {
            Value = JsonValues.String(json, "value");
            Name = Value;
            string? matchType = JsonValues.String(json, "match_type");
            MatchType = ApiNames.TryParse(matchType, out KeywordMatchType parsed) ? parsed : (KeywordMatchType?)null;
            ParentId = JsonValues.String(json, "parent_id");
            ParentType = JsonValues.String(json, "parent_type");
            Bid = JsonValues.Long(json, "bid");
            Archived = JsonValues.Bool(json, "archived");
        }

        public override AnalyticsLevel Level => AnalyticsLevel.Keyword;

        public string KeywordId => Id;

        /// <summary>The keyword text (the API's <c>value</c>, at most 120 characters).</summary>
        public string? Value { get; }

        public KeywordMatchType? MatchType { get; }

        /// <summary>True for EXACT_NEGATIVE and PHRASE_NEGATIVE: the keyword excludes searches and never delivers.</summary>
        public bool IsNegative => MatchType == KeywordMatchType.ExactNegative || MatchType == KeywordMatchType.PhraseNegative;

        /// <summary>The id of the parent: the ad account, a campaign or an ad group (see <see cref="ParentType"/>).</summary>
        public string? ParentId { get; }

        /// <summary>advertiser, campaign or ad_group, as the API sends it.</summary>
        public string? ParentType { get; }

        /// <summary>The parent ad group's id when the parent is an ad group, else null.</summary>
        public string? AdGroupId => IsParent(AdGroupParent) ? ParentId : null;

        /// <summary>The parent campaign's id when the parent is a campaign, else null.</summary>
        public string? CampaignId => IsParent(CampaignParent) ? ParentId : null;

        /// <summary>Custom bid in micro-currency. Deprecated by Pinterest: always null.</summary>
        public long? Bid { get; }

        public bool? Archived { get; }

        private bool IsParent(string type) =>
            string.Equals(ParentType?.Replace("_", ""), type.Replace("_", ""), System.StringComparison.OrdinalIgnoreCase);
    }
}
