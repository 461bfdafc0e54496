using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Resources;

/// <summary>Audience insights (AudienceInsightsResponse): interest categories and demographics whose ratios sum to 1.</summary>
internal static class AudienceInsights
{
    private static readonly (string Key, string Name)[] Ages = { ("18-24", "18-24"), ("25-34", "25-34"), ("35-44", "35-44"), ("45-49", "45-49"), ("50-54", "50-54"), ("55-64", "55-64"), ("65+", "65+") };
    private static readonly (string Key, string Name)[] Genders = { ("female", "Female"), ("male", "Male"), ("unknown", "Unspecified") };
    private static readonly (string Key, string Name)[] Devices = { ("iphone", "iPhone"), ("android_mobile", "Android mobile"), ("web", "Web"), ("ipad", "iPad"), ("android_tablet", "Android tablet"), ("web_mobile", "Mobile web") };
    private static readonly string[] Subcategories = { "Ideas", "Inspiration", "Trends", "Tips" };

    public static Dictionary<string, object?> Build(ulong seed, AdAccount account, string type, DateOnly today)
    {
        var key = DeterministicHash.Combine(seed, DeterministicHash.OfString(account.Id), DeterministicHash.OfString(type));
        double U(ulong part) => DeterministicHash.Unit(DeterministicHash.Combine(key, part));
        List<Dictionary<string, object?>> Distribution(IReadOnlyList<(string Key, string Name)> values, ulong salt)
        {
            var weights = values.Select((v, i) => 0.2 + U(salt + (ulong)i)).ToArray();
            var total = weights.Sum();
            var ratios = weights.Select(w => Math.Round(w / total, 4)).ToArray();
            ratios[^1] = Math.Round(1 - ratios[..^1].Sum(), 4); // exact sum of 1 after rounding
            return values.Select((v, i) => new Dictionary<string, object?> { ["key"] = v.Key, ["name"] = v.Name, ["ratio"] = ratios[i] }).ToList();
        }

        var interests = TargetingOptions.InterestList;
        var categoryRatios = interests.Select((_, i) => 0.05 + 0.3 * U(100 + (ulong)i)).ToArray();
        var categories = interests.Select((interest, i) => new Dictionary<string, object?>
        {
            ["id"] = interest.Id,
            ["key"] = interest.Name.ToLowerInvariant().Replace(' ', '_'),
            ["name"] = interest.Name,
            ["ratio"] = Math.Round(categoryRatios[i], 4),
            ["index"] = Math.Round(0.5 + 2 * U(200 + (ulong)i), 2),
            ["subcategories"] = Subcategories.Select((s, j) => new Dictionary<string, object?>
            {
                ["id"] = $"{interest.Id}{j + 1}",
                ["key"] = $"{interest.Name.ToLowerInvariant().Replace(' ', '_')}_{s.ToLowerInvariant()}",
                ["name"] = $"{interest.Name} {s}",
                ["ratio"] = Math.Round(categoryRatios[i] * (0.1 + 0.4 * U(300 + (ulong)(i * 10 + j))), 4),
                ["index"] = Math.Round(0.5 + 2 * U(400 + (ulong)(i * 10 + j)), 2),
            }).ToList(),
        }).OrderByDescending(c => (double)c["ratio"]!).ToList();

        var metros = TargetingOptions.MetroList.Take(12).Select(m => (m.Id, m.Name)).ToArray();
        var countries = TargetingOptions.CountryList.ToArray();
        var size = type == "PINTEREST_TOTAL_AUDIENCE" ? 498_000_000 : (long)(200_000 + U(1) * 4_800_000);
        return new Dictionary<string, object?>
        {
            ["type"] = type,
            ["date"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["size"] = size,
            ["size_is_upper_bound"] = type != "PINTEREST_TOTAL_AUDIENCE" && size < 1_000_000,
            ["categories"] = categories,
            ["demographics"] = new Dictionary<string, object?>
            {
                ["ages"] = Distribution(Ages, 10),
                ["genders"] = Distribution(Genders, 20),
                ["devices"] = Distribution(Devices, 30),
                ["metros"] = Distribution(metros, 40),
                ["countries"] = Distribution(countries, 50),
            },
        };
    }
}
