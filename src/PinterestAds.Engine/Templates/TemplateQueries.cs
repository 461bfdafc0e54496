using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Paging;

namespace PinterestAds.Engine.Templates
{
    /// <summary>
    /// Lists report templates (bookmark paging to the end) and remembers each ad account's list in the
    /// session cache, which serves template lookups by id and the -Name completer.
    /// </summary>
    internal static class TemplateQueries
    {
        public static string CacheKey(string adAccountId) => "templates:" + adAccountId;

        /// <summary>Every template of the ad account, in the API's order or as <paramref name="order"/> asks (the listing's <c>order</c>).</summary>
        public static async Task<IReadOnlyList<PinTemplate>> ListAsync(PinterestSession session, string adAccountId, IPinLog log, CancellationToken ct,
            SortOrder? order = null)
        {
            var templates = new List<PinTemplate>();
            var pages = BookmarkPager.ListAsync(session.Api, bookmark => new ApiRequest("templates/list")
                    .Path("ad_account_id", adAccountId)
                    .QueryValue("page_size", ApiLimits.MaxPageSize)
                    .QueryValue("order", order)
                    .QueryValue("bookmark", bookmark),
                json => new PinTemplate(adAccountId, json), log, ct);
            await foreach (var template in pages.ConfigureAwait(false)) templates.Add(template);
            session.Cache.Set<IReadOnlyList<PinTemplate>>(CacheKey(adAccountId), templates);
            return templates;
        }

        /// <summary>The template with this id: from the cache when listed before, else by listing.</summary>
        public static async Task<PinTemplate?> FindAsync(PinterestSession session, string adAccountId, string templateId, IPinLog log, CancellationToken ct)
        {
            var cached = session.Cache.Peek<IReadOnlyList<PinTemplate>>(CacheKey(adAccountId));
            var match = cached?.FirstOrDefault(t => string.Equals(t.Id, templateId, StringComparison.Ordinal));
            if (match != null) return match;
            var listed = await ListAsync(session, adAccountId, log, ct).ConfigureAwait(false);
            return listed.FirstOrDefault(t => string.Equals(t.Id, templateId, StringComparison.Ordinal));
        }
    }
}
