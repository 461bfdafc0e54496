namespace PinterestAds.Emulator.World;

/// <summary>
/// A keyword (<c>keywords/get</c>). Its parent is an ad account, a campaign or an ad group; the description
/// allows only the negative match types (<c>*_NEGATIVE</c>) on accounts and campaigns, every match type on
/// ad groups. Negative keywords exclude searches and therefore never deliver; positive ad-group keywords
/// take a share of their ad group's delivery (see <c>Metrics/RowSource</c>).
/// </summary>
internal sealed class Keyword
{
    public const string AdvertiserParent = "advertiser";
    public const string CampaignParent = "campaign";
    public const string AdGroupParent = "ad_group";

    /// <summary>The description's match types (MatchType enum), in its order.</summary>
    public static readonly string[] MatchTypes = { "BROAD", "PHRASE", "EXACT", "EXACT_NEGATIVE", "PHRASE_NEGATIVE" };

    public required AdAccount Account { get; init; }
    public required string Id { get; init; }
    /// <summary>The keyword text (<c>value</c>).</summary>
    public required string Value { get; init; }
    public required string MatchType { get; init; }
    public required string ParentType { get; init; }
    public required string ParentId { get; init; }
    public Campaign? Campaign { get; init; }
    public AdGroup? AdGroup { get; init; }
    public required bool Archived { get; init; }

    public bool IsNegative => MatchType.EndsWith("_NEGATIVE", StringComparison.Ordinal);

    /// <summary>Keywords that can match a search and so receive delivery: positive, on an ad group, not archived.</summary>
    public bool Delivers => !IsNegative && !Archived && AdGroup is not null;
}
