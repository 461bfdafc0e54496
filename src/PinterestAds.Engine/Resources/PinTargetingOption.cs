using System.Collections.Generic;

namespace PinterestAds
{
    /// <summary>
    /// One option of <c>GET /resources/targeting/{targeting_type}</c>, flattened: nested options (GEO's
    /// regions under their country) become options of their own that name their country and parent.
    /// </summary>
    public class PinTargetingOption : Engine.Formatting.ExportableObject
    {
        internal PinTargetingOption(string targetingType, string id, string? name, string? adAccountId,
            PinTargetingOption? parent, IReadOnlyDictionary<string, object?> fields)
        {
            TargetingType = targetingType;
            Id = id;
            Name = name;
            AdAccountId = adAccountId;
            Fields = fields;
            if (parent != null)
            {
                ParentId = parent.Id;
                ParentRegion = parent.Name ?? parent.Id;
                Country = parent.Country;
                CountryName = parent.CountryName;
                Depth = parent.Depth + 1;
            }
            else if (targetingType == "GEO")
            {
                // GEO's top level is the country itself.
                Country = id;
                CountryName = name;
            }
        }

        /// <summary>The API's type name, e.g. <c>LOCATION</c>, <c>GEO</c>.</summary>
        public string TargetingType { get; }

        /// <summary>The value used in targeting specs and in targeting analytics rows (e.g. metro code "500").</summary>
        public string Id { get; }

        /// <summary>The human name (e.g. "U.S.: Portland-Auburn").</summary>
        public string? Name { get; }

        /// <summary>GEO: the country code this option belongs to (its own id for a country).</summary>
        public string? Country { get; }

        /// <summary>GEO: the country's name.</summary>
        public string? CountryName { get; }

        /// <summary>The id of the option this one is nested in (a region's country or parent region); null at the top.</summary>
        public string? ParentId { get; }

        /// <summary>The name of the option this one is nested in; null at the top.</summary>
        public string? ParentRegion { get; }

        /// <summary>0 for top-level options, 1 for a region under a country, and so on.</summary>
        public int Depth { get; }

        /// <summary>The ad account the options were asked for (null when none was given).</summary>
        public string? AdAccountId { get; }

        /// <summary>Any other fields Pinterest sent with the option, by their API name.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        public override string ToString() => $"{TargetingType} {Id}" + (Name != null ? $" '{Name}'" : "");
    }
}
