using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>Ad accounts and the entity lists: ad_accounts/list|get, campaigns, ad groups, ads, product group promotions, templates.</summary>
internal static class EntityEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapOperation(state, "ad_accounts/list", c =>
        {
            var includeShared = c.Parameters.Boolean("include_shared_accounts") ?? true;
            var accounts = c.State.World.Accounts
                .Where(a => a.Access == AccountAccess.Owner || (includeShared && a.Access == AccountAccess.Shared)).ToList();
            return c.JsonAsync(Paging.Page(accounts, c.Parameters, EntityJson.Account));
        });

        app.MapOperation(state, "ad_accounts/get", c => c.JsonAsync(EntityJson.Account(c.Account())));

        app.MapOperation(state, "campaigns/list", c =>
        {
            var account = c.Account();
            var ids = c.Parameters.List("campaign_ids");
            var statuses = c.Parameters.List("entity_statuses")!;
            var items = account.Campaigns.Where(x => (ids is null || ids.Contains(x.Id)) && statuses.Contains(x.Status));
            return c.JsonAsync(Paging.Page(Paging.Ordered(items, x => x.Id, c.Parameters), c.Parameters, EntityJson.Campaign));
        });

        app.MapOperation(state, "ad_groups/list", c =>
        {
            var account = c.Account();
            var campaignIds = c.Parameters.List("campaign_ids");
            var ids = c.Parameters.List("ad_group_ids");
            var statuses = c.Parameters.List("entity_statuses")!;
            var items = account.AdGroups.Where(x => (campaignIds is null || campaignIds.Contains(x.Campaign.Id))
                && (ids is null || ids.Contains(x.Id)) && statuses.Contains(x.Status));
            return c.JsonAsync(Paging.Page(Paging.Ordered(items, x => x.Id, c.Parameters), c.Parameters, EntityJson.AdGroup));
        });

        app.MapOperation(state, "ads/list", c =>
        {
            var account = c.Account();
            var campaignIds = c.Parameters.List("campaign_ids");
            var adGroupIds = c.Parameters.List("ad_group_ids");
            var ids = c.Parameters.List("ad_ids");
            var statuses = c.Parameters.List("entity_statuses")!;
            var items = account.Ads.Where(x => (campaignIds is null || campaignIds.Contains(x.AdGroup.Campaign.Id))
                && (adGroupIds is null || adGroupIds.Contains(x.AdGroup.Id)) && (ids is null || ids.Contains(x.Id)) && statuses.Contains(x.Status));
            return c.JsonAsync(Paging.Page(Paging.Ordered(items, x => x.Id, c.Parameters), c.Parameters, EntityJson.Ad));
        });

        app.MapOperation(state, "product_group_promotions/list", c =>
        {
            var account = c.Account();
            var ids = c.Parameters.List("product_group_promotion_ids");
            var adGroupId = c.Parameters.String("ad_group_id");
            // The description: "Include either ad_group_id or product_group_promotion_ids ... If multiple options
            // are provided, product_group_promotion_ids takes precedence ... If none are provided, the endpoint returns an error."
            if (ids is null && adGroupId is null)
                throw ApiException.BadRequest("Include either 'ad_group_id' or 'product_group_promotion_ids' in the request.");
            if (ids is not null) adGroupId = null;
            var statuses = c.Parameters.List("entity_statuses")!;
            var items = account.ProductGroups.Where(x => (ids is null || ids.Contains(x.Id))
                && (adGroupId is null || x.AdGroup.Id == adGroupId) && statuses.Contains(x.Status));
            return c.JsonAsync(Paging.Page(Paging.Ordered(items, x => x.Id, c.Parameters), c.Parameters, EntityJson.ProductGroup));
        });

        app.MapOperation(state, "templates/list", c =>
        {
            var account = c.Account();
            return c.JsonAsync(Paging.Page(Paging.Ordered(account.Templates, x => x.Id, c.Parameters), c.Parameters, EntityJson.Template));
        });
    }
}
