using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Paging
{
    /// <summary>
    /// Follows a list operation's <c>bookmark</c> cursor to the end, yielding each item as soon as its
    /// page arrives. The caller stopping the enumeration stops the requests. A bookmark that comes back
    /// unchanged ends the listing with an error instead of looping forever.
    /// </summary>
    internal static class BookmarkPager
    {
        public static async IAsyncEnumerable<T> ListAsync<T>(PinterestApiClient api, Func<string?, ApiRequest> requestForBookmark,
            Func<JsonElement, T> map, IPinLog log, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? bookmark = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int page = 1; ; page++)
            {
                var request = requestForBookmark(bookmark);
                var response = await api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
                var items = new List<T>();
                string? next;
                using (var document = response.Json())
                {
                    var root = document.RootElement;
                    if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
                        foreach (var item in array.EnumerateArray()) items.Add(map(item));
                    next = root.TryGetProperty("bookmark", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                }

                foreach (var item in items) yield return item;

                if (string.IsNullOrEmpty(next)) yield break;
                if (!seen.Add(next!))
                    throw new PinterestApiException("BookmarkRepeated", PinErrorKind.InvalidData,
                        $"{request.Operation.Id} returned a bookmark it had returned before (page {page}); stopping instead of looping forever. " +
                        "The items written so far are complete up to that page; run the command again to retry.",
                        request.Operation.Id, response.StatusCode, requestId: response.RequestId);
                bookmark = next;
            }
        }
    }
}
