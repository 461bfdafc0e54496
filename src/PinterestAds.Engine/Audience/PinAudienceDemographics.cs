using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds
{
    /// <summary>The demographic distributions of an audience (<c>AudienceDemographics</c>).</summary>
    public sealed class PinAudienceDemographics
    {
        internal PinAudienceDemographics(JsonElement json)
        {
            Ages = Read(json, "ages");
            Genders = Read(json, "genders");
            Devices = Read(json, "devices");
            Metros = Read(json, "metros");
            Countries = Read(json, "countries");
        }

        public IReadOnlyList<PinAudienceSegment> Ages { get; }
        public IReadOnlyList<PinAudienceSegment> Genders { get; }
        public IReadOnlyList<PinAudienceSegment> Devices { get; }
        public IReadOnlyList<PinAudienceSegment> Metros { get; }
        public IReadOnlyList<PinAudienceSegment> Countries { get; }

        /// <summary>Each distribution with the dimension it describes, in a fixed order.</summary>
        internal IEnumerable<(AudienceDimension Dimension, IReadOnlyList<PinAudienceSegment> Values)> ByDimension()
        {
            yield return (AudienceDimension.Age, Ages);
            yield return (AudienceDimension.Gender, Genders);
            yield return (AudienceDimension.Device, Devices);
            yield return (AudienceDimension.Metro, Metros);
            yield return (AudienceDimension.Country, Countries);
        }

        private static IReadOnlyList<PinAudienceSegment> Read(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
                ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(v => new PinAudienceSegment(v)).ToArray()
                : new PinAudienceSegment[0];

        public override string ToString() => $"{Ages.Count} ages, {Genders.Count} genders, {Devices.Count} devices, {Metros.Count} metros, {Countries.Count} countries";
    }
}
