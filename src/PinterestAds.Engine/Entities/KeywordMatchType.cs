namespace PinterestAds
{
    /// <summary>Keyword match types (the description's <c>MatchType</c>). Accounts and campaigns carry only the negative ones.</summary>
    public enum KeywordMatchType { Broad, Phrase, Exact, ExactNegative, PhraseNegative }
}
