using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Paging
{
    /// <summary>
    /// Follows a list operation's <c>bookmark</c> cursor to the end, yielding each item as soon as its
    /// page arrives. The caller stopping the enumeration stops the requests. A bookmark that comes back
    /// unchanged ends the listing with an error instead of looping forever, and so do more than
    /// <see cref="ApiLimits.MaxEmptyPagesInARow"/> pages in a row with no items but a new bookmark. A page
    /// without an <c>items</c> array is a malformed answer (<c>ApiResponseInvalid</c>), never an empty listing.
    /// </summary>
    internal static class BookmarkPager
    {
        public static async IAsyncEnumerable<T> ListAsync<T>(PinterestApiClient api, Func<string?, ApiRequest> requestForBookmark,
            Func<JsonElement, T> map, IPinLog log, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? bookmark = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int emptyInARow = 0;
            for (int page = 1; ; page++)
            {
                var request = requestForBookmark(bookmark);
                var response = await api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
                var items = new List<T>();
                string? next;
                using (var document = response.Json())
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                        throw response.Invalid($"is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a page object with 'items' (page {page}).");
                    if (!root.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
                        throw response.Invalid($"has no 'items' array (page {page}); a listing page is {{\"items\": [...], \"bookmark\": ...}}.");
                    foreach (var item in array.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Object) throw response.Invalid($"has an item that is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object (page {page}).");
                        items.Add(map(item));
                    }
                    next = root.TryGetProperty("bookmark", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                }

                foreach (var item in items) yield return item;

                if (string.IsNullOrEmpty(next)) yield break;
                emptyInARow = items.Count == 0 ? emptyInARow + 1 : 0;
                if (emptyInARow > ApiLimits.MaxEmptyPagesInARow)
                    throw new PinterestApiException(ErrorIds.EmptyPagesBeyondCap, PinErrorKind.InvalidData,
                        $"{request.Operation.Id} answered {emptyInARow} pages in a row with no items but a new bookmark (page {page}); the module follows at most " +
                        $"{ApiLimits.MaxEmptyPagesInARow} empty pages in a row (the empty-page cap) and stopped instead of paging forever. " +
                        "The items written so far are complete up to that page; run the command again to retry.",
                        request.Operation.Id, response.StatusCode, requestId: response.RequestId);
                if (!seen.Add(next!))
                    throw new PinterestApiException(ErrorIds.BookmarkRepeated, PinErrorKind.InvalidData,
                        $"{request.Operation.Id} returned a bookmark it had returned before (page {page}); stopping instead of looping forever. " +
                        "The items written so far are complete up to that page; run the command again to retry.",
                        request.Operation.Id, response.StatusCode, requestId: response.RequestId);
                bookmark = next;
            }
        }
    }
}
