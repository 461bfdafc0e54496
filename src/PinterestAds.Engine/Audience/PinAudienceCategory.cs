using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds
{
    /// <summary>An interest category of an audience (<c>AudienceCategory</c>) with its subcategories.</summary>
    public sealed class PinAudienceCategory : PinAudienceSegment
    {
        internal PinAudienceCategory(JsonElement json) : base(json)
        {
            Subcategories = json.TryGetProperty("subcategories", out var subs) && subs.ValueKind == JsonValueKind.Array
                ? subs.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).Select(s => new PinAudienceSegment(s)).ToArray()
                : new PinAudienceSegment[0];
        }

        public IReadOnlyList<PinAudienceSegment> Subcategories { get; }
    }
}
