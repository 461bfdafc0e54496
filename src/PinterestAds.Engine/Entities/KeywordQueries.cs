using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Paging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Entities
{
    /// <summary>What to list with <c>keywords/get</c>: parent filters (none: the ad account's own keywords) and match types.</summary>
    internal sealed class KeywordFilter
    {
        /// <summary>Campaigns whose own (negative) keywords to list; the API takes one campaign_id per listing.</summary>
        public IReadOnlyList<string> CampaignIds { get; set; } = new string[0];

        /// <summary>Ad groups whose keywords to list; split into listings of at most ad_group_ids' maxItems.</summary>
        public IReadOnlyList<string> AdGroupIds { get; set; } = new string[0];

        public IReadOnlyList<KeywordMatchType> MatchTypes { get; set; } = new KeywordMatchType[0];

        public int PageSize { get; set; } = ApiLimits.MaxPageSize;
    }

    /// <summary>
    /// Lists keywords (<c>keywords/get</c>), paged to the end. The description's filters name parents, so
    /// each campaign and each chunk of ad groups is one listing; no parent at all lists the keywords whose
    /// parent is the ad account itself.
    /// </summary>
    internal static class KeywordQueries
    {
        private const string OperationId = "keywords/get";

        public static async IAsyncEnumerable<PinKeyword> Keywords(PinterestApiClient api, string adAccountId, KeywordFilter filter, IPinLog log,
            [EnumeratorCancellation] CancellationToken ct)
        {
            var operation = ApiCatalog.Current.Operation(OperationId);
            int maxMatchTypes = operation.Parameter("match_types").MaxItems ?? int.MaxValue;
            var matchTypes = filter.MatchTypes.Distinct().Select(m => ApiNames.ToApi(m)).ToList();
            if (matchTypes.Count > maxMatchTypes)
                throw new PinterestValidationException(ErrorIds.TooManyValues, "MatchType",
                    $"-MatchType has {matchTypes.Count} values; keywords/get takes at most {maxMatchTypes}.");

            var listings = new List<System.Func<string?, ApiRequest>>();
            ApiRequest Common(string? bookmark) => new ApiRequest(OperationId)
                .Path("ad_account_id", adAccountId)
                .QueryArray("match_types", matchTypes)
                .QueryValue("page_size", filter.PageSize)
                .QueryValue("bookmark", bookmark);
            foreach (string campaignId in filter.CampaignIds.Distinct())
                listings.Add(bookmark => Common(bookmark).QueryValue("campaign_id", campaignId));
            int maxAdGroups = operation.Parameter("ad_group_ids").MaxItems ?? ApiLimits.SyncIdsPerCall;
            foreach (var chunk in Ids.Chunk(filter.AdGroupIds.Distinct().ToList(), maxAdGroups))
                listings.Add(bookmark => Common(bookmark).QueryArray("ad_group_ids", chunk));
            if (listings.Count == 0) listings.Add(Common);

            foreach (var listing in listings)
                await foreach (var keyword in BookmarkPager.ListAsync(api, listing, json => new PinKeyword(adAccountId, json), log, ct).ConfigureAwait(false))
                    yield return keyword;
        }
    }
}
