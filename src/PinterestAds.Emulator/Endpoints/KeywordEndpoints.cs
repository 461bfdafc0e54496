using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>
/// <c>keywords/get</c> (GET /ad_accounts/{ad_account_id}/keywords). The description: the filters name
/// parents (a campaign, an ad group, up to 250 ad groups) and match types; with no parent filter "it will
/// only return keywords that specifically have parent_id set to the ad_account_id". Parent filters name
/// disjoint sets (a keyword has one parent), so several of them list the union. page_size has a minimum of
/// 1 and, by the description's text, a "default maximum of 250": larger pages are cut to 250.
/// </summary>
internal static class KeywordEndpoints
{
    /// <summary>"Default maximum of 250" items per page (keywords/get page_size text).</summary>
    public const int MaxPageSize = 250;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapOperation(state, "keywords/get", c =>
        {
            var account = c.Account();
            var p = c.Parameters;
            var parents = new HashSet<string>(StringComparer.Ordinal);
            if (p.String("campaign_id") is { } campaignId) parents.Add(campaignId);
            if (p.String("ad_group_id") is { } adGroupId) parents.Add(adGroupId);
            foreach (var id in p.List("ad_group_ids") ?? Array.Empty<string>()) parents.Add(id);
            if (parents.Count == 0) parents.Add(account.Id);
            var matchTypes = p.List("match_types");
            var items = account.Keywords.Where(k => parents.Contains(k.ParentId) && (matchTypes is null || matchTypes.Contains(k.MatchType)));
            return c.JsonAsync(Paging.Page(Paging.Ordered(items, k => k.Id, p), p, Json, MaxPageSize));
        });
    }

    /// <summary>A <c>Keyword</c> as the description shapes it (bid is deprecated and always null).</summary>
    public static Dictionary<string, object?> Json(Keyword k) => new()
    {
        ["archived"] = k.Archived,
        ["id"] = k.Id,
        ["parent_id"] = k.ParentId,
        ["parent_type"] = k.ParentType,
        ["type"] = "keyword",
        ["bid"] = null,
        ["match_type"] = k.MatchType,
        ["value"] = k.Value,
    };
}
