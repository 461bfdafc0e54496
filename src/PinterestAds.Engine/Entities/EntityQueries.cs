using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Formatting;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Paging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Entities
{
    /// <summary>Filters of an entity listing; every one maps to a query parameter of the list operation.</summary>
    internal sealed class EntityFilter
    {
        public IReadOnlyList<string> Ids { get; set; } = new string[0];
        public IReadOnlyList<string> CampaignIds { get; set; } = new string[0];
        public IReadOnlyList<string> AdGroupIds { get; set; } = new string[0];
        public IReadOnlyList<EntityStatus> Statuses { get; set; } = new EntityStatus[0];
        public SortOrder? Order { get; set; }
        public int PageSize { get; set; } = ApiLimits.MaxPageSize;
        public bool? IncludeSharedAccounts { get; set; }
        public bool? TranslateInterestsToNames { get; set; }
    }

    /// <summary>
    /// The entity list operations, paged to the end. Id lists longer than an operation's maxItems are
    /// split into several listings, one after the other.
    /// </summary>
    internal static class EntityQueries
    {
        public static IAsyncEnumerable<PinAdAccount> AdAccounts(PinterestApiClient api, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            BookmarkPager.ListAsync(api, bookmark => new ApiRequest("ad_accounts/list")
                    .QueryValue("include_shared_accounts", filter.IncludeSharedAccounts)
                    .QueryValue("page_size", filter.PageSize)
                    .QueryValue("bookmark", bookmark),
                json => HostTypes.ForHost(new PinAdAccount(json)), log, ct);

        /// <summary>One ad account by id (GET /ad_accounts/{id}): proves it exists and the token may read it.</summary>
        public static async Task<PinAdAccount> AdAccountAsync(PinterestApiClient api, string adAccountId, IPinLog log, CancellationToken ct)
        {
            var response = await api.SendAsync(new ApiRequest("ad_accounts/get").Path("ad_account_id", adAccountId), log, ct).ConfigureAwait(false);
            using var document = response.Json();
            return HostTypes.ForHost(new PinAdAccount(document.RootElement.Clone()));
        }

        public static IAsyncEnumerable<PinCampaign> Campaigns(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            ChunkedById("campaigns/list", "campaign_ids", filter.Ids, chunk => bookmark =>
                    Common("campaigns/list", adAccountId, filter, bookmark).QueryArray("campaign_ids", chunk),
                json => HostTypes.ForHost(new PinCampaign(adAccountId, json)), api, log, ct);

        public static IAsyncEnumerable<PinAdGroup> AdGroups(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            ChunkedById("ad_groups/list", "ad_group_ids", filter.Ids, chunk => bookmark =>
                    Common("ad_groups/list", adAccountId, filter, bookmark)
                        .QueryArray("ad_group_ids", chunk)
                        .QueryArray("campaign_ids", filter.CampaignIds)
                        .QueryValue("translate_interests_to_names", filter.TranslateInterestsToNames),
                json => HostTypes.ForHost(new PinAdGroup(adAccountId, json)), api, log, ct);

        public static IAsyncEnumerable<PinAd> Ads(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct) =>
            ChunkedById("ads/list", "ad_ids", filter.Ids, chunk => bookmark =>
                    Common("ads/list", adAccountId, filter, bookmark)
                        .QueryArray("ad_ids", chunk)
                        .QueryArray("campaign_ids", filter.CampaignIds)
                        .QueryArray("ad_group_ids", filter.AdGroupIds),
                json => HostTypes.ForHost(new PinAd(adAccountId, json)), api, log, ct);

        /// <summary>
        /// Product group promotions; the API filters by one ad group at a time, so each is listed in turn.
        /// The description: "Include either ad_group_id or product_group_promotion_ids ... If none are provided,
        /// the endpoint returns an error", and with both the ids win (the ad group filter would be dropped).
        /// </summary>
        public static async IAsyncEnumerable<PinProductGroup> ProductGroups(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log,
            [EnumeratorCancellation] CancellationToken ct)
        {
            if (filter.Ids.Count == 0 && filter.AdGroupIds.Count == 0)
                throw new PinterestValidationException(ErrorIds.ProductGroupFilterRequired, "AdGroupId",
                    "Listing product group promotions needs -Id (product group promotion ids) or -AdGroupId: Pinterest refuses a listing of the whole ad account. Pipe ad groups in: Get-PinAdGroup | Get-PinProductGroup.");
            if (filter.Ids.Count > 0 && filter.AdGroupIds.Count > 0)
                throw new PinterestValidationException(ErrorIds.ProductGroupFilterConflict, "AdGroupId",
                    "-Id and -AdGroupId cannot be combined: Pinterest takes product_group_promotion_ids over ad_group_id and would ignore the ad group filter. Give one of them.");
            var adGroups = filter.AdGroupIds.Count == 0 ? new string?[] { null } : filter.AdGroupIds.Cast<string?>().ToArray();
            foreach (var adGroupId in adGroups)
            {
                var listing = ChunkedById("product_group_promotions/list", "product_group_promotion_ids", filter.Ids, chunk => bookmark =>
                        Common("product_group_promotions/list", adAccountId, filter, bookmark)
                            .QueryArray("product_group_promotion_ids", chunk)
                            .QueryValue("ad_group_id", adGroupId),
                    json => HostTypes.ForHost(new PinProductGroup(adAccountId, json)), api, log, ct);
                await foreach (var item in listing.ConfigureAwait(false)) yield return item;
            }
        }

        private static ApiRequest Common(string operationId, string adAccountId, EntityFilter filter, string? bookmark) =>
            new ApiRequest(operationId)
                .Path("ad_account_id", adAccountId)
                .QueryArray("entity_statuses", filter.Statuses.Select(s => ApiNames.ToApi(s)))
                .QueryValue("order", filter.Order)
                .QueryValue("page_size", filter.PageSize)
                .QueryValue("bookmark", bookmark);

        private static async IAsyncEnumerable<T> ChunkedById<T>(string operationId, string idParameter, IReadOnlyList<string> ids,
            System.Func<IReadOnlyList<string>, System.Func<string?, ApiRequest>> requestFor, System.Func<System.Text.Json.JsonElement, T> map,
            PinterestApiClient api, IPinLog log, [EnumeratorCancellation] CancellationToken ct)
        {
            int max = ApiCatalog.Current.Operation(operationId).Parameter(idParameter).MaxItems ?? ApiLimits.SyncIdsPerCall;
            var chunks = ids.Count == 0 ? new[] { (IReadOnlyList<string>)new string[0] } : Ids.Chunk(ids, max);
            foreach (var chunk in chunks)
                await foreach (var item in BookmarkPager.ListAsync(api, requestFor(chunk), map, log, ct).ConfigureAwait(false))
                    yield return item;
        }
    }
}
