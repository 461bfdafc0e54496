using System.Text;
using PinterestAds.Emulator.Catalog;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>Bookmark paging: the bookmark is an opaque cursor (the offset of the next page, encoded).</summary>
internal static class Paging
{
    public static object Page<T>(IReadOnlyList<T> all, ParsedParameters p, Func<T, object> shape, int maxPageSize = int.MaxValue)
    {
        var pageSize = (int)Math.Min(p.Integer("page_size") ?? 25, maxPageSize);
        var offset = 0;
        if (p.String("bookmark") is { } bookmark)
        {
            try
            {
                var text = Encoding.ASCII.GetString(Convert.FromBase64String(bookmark));
                if (!text.StartsWith("o:", StringComparison.Ordinal) || !int.TryParse(text[2..], out offset) || offset < 0)
                    throw new FormatException();
            }
            catch (FormatException)
            {
                throw ApiException.BadRequest($"Query parameter 'bookmark' value '{ParameterValidator.Shorten(bookmark)}' is not a bookmark this API returned; pass the 'bookmark' of the previous page unchanged.");
            }
        }
        var items = all.Skip(offset).Take(pageSize).Select(shape).ToList();
        var next = offset + pageSize < all.Count ? Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + (offset + pageSize))) : null;
        return new Dictionary<string, object?> { ["items"] = items, ["bookmark"] = next };
    }

    /// <summary>Sorts by id (numeric) in the requested order (ASCENDING unless DESCENDING).</summary>
    public static IReadOnlyList<T> Ordered<T>(IEnumerable<T> items, Func<T, string> id, ParsedParameters p)
    {
        var sorted = items.OrderBy(x => id(x).Length).ThenBy(x => id(x), StringComparer.Ordinal);
        return (p.String("order") == "DESCENDING" ? sorted.Reverse() : sorted).ToList();
    }
}
