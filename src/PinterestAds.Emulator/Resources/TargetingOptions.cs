namespace PinterestAds.Emulator.Resources;

/// <summary>One targeting option: a value as the API sends it and its human name.</summary>
internal sealed record TargetingOption(string Id, string Name, IReadOnlyList<TargetingOption>? Children = null);

/// <summary>
/// The emulator's targeting vocabulary. The same values appear in <c>GET /resources/targeting/{type}</c>,
/// in ad groups' <c>targeting_spec</c> and as <c>targeting_value</c> in targeting analytics, so a
/// client can join them (e.g. LOCATION "500" = "U.S.: Portland-Auburn").
/// </summary>
internal static class TargetingOptions
{
    // US designated market areas (metro codes) with names in the style the API uses.
    private static readonly TargetingOption[] Metros =
    {
        new("500", "U.S.: Portland-Auburn"), new("501", "U.S.: New York"), new("502", "U.S.: Binghamton"),
        new("503", "U.S.: Macon"), new("504", "U.S.: Philadelphia"), new("505", "U.S.: Detroit"),
        new("506", "U.S.: Boston (Manchester)"), new("507", "U.S.: Savannah"), new("508", "U.S.: Pittsburgh"),
        new("509", "U.S.: Ft. Wayne"), new("510", "U.S.: Cleveland-Akron (Canton)"), new("511", "U.S.: Washington, DC (Hagerstown)"),
        new("512", "U.S.: Baltimore"), new("513", "U.S.: Flint-Saginaw-Bay City"), new("514", "U.S.: Buffalo"),
        new("515", "U.S.: Cincinnati"), new("516", "U.S.: Erie"), new("517", "U.S.: Charlotte"),
        new("518", "U.S.: Greensboro-High Point-Winston Salem"), new("519", "U.S.: Charleston, SC"), new("520", "U.S.: Augusta-Aiken"),
        new("521", "U.S.: Providence-New Bedford"), new("522", "U.S.: Columbus, GA (Opelika, AL)"), new("523", "U.S.: Burlington-Plattsburgh"),
        new("524", "U.S.: Atlanta"), new("525", "U.S.: Albany, GA"), new("526", "U.S.: Utica"),
        new("527", "U.S.: Indianapolis"), new("528", "U.S.: Miami-Ft. Lauderdale"), new("529", "U.S.: Louisville"),
        new("530", "U.S.: Tallahassee-Thomasville"), new("531", "U.S.: Tri-Cities, TN-VA"), new("532", "U.S.: Albany-Schenectady-Troy"),
        new("533", "U.S.: Hartford & New Haven"), new("534", "U.S.: Orlando-Daytona Beach-Melbourne"), new("535", "U.S.: Columbus, OH"),
        new("536", "U.S.: Youngstown"), new("537", "U.S.: Bangor"), new("538", "U.S.: Rochester, NY"),
        new("539", "U.S.: Tampa-St. Petersburg (Sarasota)"), new("540", "U.S.: Traverse City-Cadillac"), new("541", "U.S.: Lexington"),
        new("542", "U.S.: Dayton"), new("543", "U.S.: Springfield-Holyoke"), new("544", "U.S.: Norfolk-Portsmouth-Newport News"),
        new("546", "U.S.: Columbia, SC"), new("547", "U.S.: Toledo"), new("548", "U.S.: West Palm Beach-Ft. Pierce"),
        new("602", "U.S.: Chicago"), new("613", "U.S.: Minneapolis-St. Paul"), new("618", "U.S.: Houston"),
        new("623", "U.S.: Dallas-Ft. Worth"), new("641", "U.S.: San Antonio"), new("751", "U.S.: Denver"),
        new("753", "U.S.: Phoenix (Prescott)"), new("803", "U.S.: Los Angeles"), new("807", "U.S.: San Francisco-Oakland-San Jose"),
        new("819", "U.S.: Seattle-Tacoma"), new("820", "U.S.: Portland, OR"), new("825", "U.S.: San Diego"), new("839", "U.S.: Las Vegas"),
    };

    private static readonly (string Code, string Name, (string Code, string Name)[] Regions)[] Countries =
    {
        ("US", "United States", new[] { ("US-CA", "California"), ("US-NY", "New York"), ("US-TX", "Texas"), ("US-FL", "Florida"), ("US-WA", "Washington"), ("US-IL", "Illinois"), ("US-ME", "Maine"), ("US-OR", "Oregon") }),
        ("CA", "Canada", new[] { ("CA-ON", "Ontario"), ("CA-QC", "Quebec"), ("CA-BC", "British Columbia"), ("CA-AB", "Alberta") }),
        ("GB", "United Kingdom", new[] { ("GB-ENG", "England"), ("GB-SCT", "Scotland"), ("GB-WLS", "Wales"), ("GB-NIR", "Northern Ireland") }),
        ("DE", "Germany", new[] { ("DE-BY", "Bavaria"), ("DE-BE", "Berlin"), ("DE-HH", "Hamburg"), ("DE-NW", "North Rhine-Westphalia") }),
        ("FR", "France", new[] { ("FR-IDF", "Ile-de-France"), ("FR-ARA", "Auvergne-Rhone-Alpes"), ("FR-PAC", "Provence-Alpes-Cote d'Azur") }),
        ("AU", "Australia", new[] { ("AU-NSW", "New South Wales"), ("AU-VIC", "Victoria"), ("AU-QLD", "Queensland") }),
    };

    private static readonly TargetingOption[] Interests =
    {
        new("935249274030", "Food and Drinks"), new("961238559656", "Home Decor"), new("924581335376", "Travel"),
        new("918530398158", "Women's Fashion"), new("935541271955", "DIY and Crafts"), new("909983286710", "Beauty"),
        new("948967005229", "Health"), new("918093243960", "Event Planning"), new("961238559651", "Gardening"),
        new("922134410098", "Entertainment"), new("925056443165", "Parenting"), new("913207199297", "Sports"),
    };

    private static readonly TargetingOption[] PinnerInterests =
    {
        new("p1", "Chocolate Cookies"), new("p2", "Vegan Recipes"), new("p3", "Small Apartment Ideas"), new("p4", "Hiking Trails"),
        new("p5", "Wedding Dresses"), new("p6", "Skin Care Routine"), new("p7", "Home Workouts"), new("p8", "Succulent Gardens"),
        new("p9", "Road Trips"), new("p10", "Minimalist Kitchen"),
    };

    private static readonly string[] Keywords =
    {
        "christmas decor ideas", "summer outfits", "easy dinner recipes", "living room ideas", "running shoes",
        "wedding centerpieces", "bathroom remodel", "kids crafts", "camping gear", "fall nails", "garden planters", "meal prep",
        "balcony garden", "boho bedroom", "herb garden indoor", "patio furniture", "kitchen organization", "rustic wedding",
        "small space storage", "vegetable garden layout", "cozy reading nook", "hanging planters", "farmhouse table", "raised garden beds",
    };

    /// <summary>The keyword texts of the world (keywords and KEYWORD targeting values).</summary>
    public static IReadOnlyList<string> KeywordTexts => Keywords;

    private static readonly TargetingOption[] Audiences =
    {
        new("2542620000011", "Site visitors (30 days)"), new("2542620000012", "Customer list: loyalty members"),
        new("2542620000013", "Actalike: purchasers"), new("2542620000014", "Engagement: pin savers"),
    };

    private static readonly Dictionary<string, TargetingOption[]> Simple = new(StringComparer.Ordinal)
    {
        ["APPTYPE"] = Names("iphone", "ipad", "web", "web_mobile", "android_mobile", "android_tablet"),
        ["GENDER"] = new[] { new TargetingOption("female", "Female"), new TargetingOption("male", "Male"), new TargetingOption("unknown", "Unspecified") },
        ["LOCALE"] = new[] { new TargetingOption("en-US", "English (US)"), new TargetingOption("en-GB", "English (UK)"), new TargetingOption("fr-FR", "French"), new TargetingOption("de-DE", "German"), new TargetingOption("es-ES", "Spanish"), new TargetingOption("ja-JP", "Japanese") },
        ["AGE_BUCKET"] = Names("18-24", "25-34", "35-44", "45-49", "50-54", "55-64", "65+"),
        ["PLACEMENT"] = Names("SEARCH", "BROWSE", "OTHER"),
        ["CREATIVE_TYPE"] = Names("REGULAR", "VIDEO", "CAROUSEL", "SHOPPING", "IDEA"),
        ["MEDIA_TYPE"] = Names("IMAGE", "VIDEO"),
        ["CREATIVE_ENHANCEMENTS"] = Names("NONE", "BACKGROUND_GENERATION", "TEXT_OVERLAY"),
        ["QUIZ_RESULT"] = Names("RESULT_1", "RESULT_2", "RESULT_3"),
        ["AUDIENCE_MULTIPLIER"] = Names("1.0", "1.5", "2.0"),
        ["LOCAL_ADS_STORE_CODE"] = Names("STORE-001", "STORE-002", "STORE-003", "STORE-004"),
    };

    private static TargetingOption[] Names(params string[] values) => values.Select(v => new TargetingOption(v, v)).ToArray();

    /// <summary>The options <c>GET /resources/targeting/{type}</c> lists (GEO nested per country).</summary>
    public static IReadOnlyList<TargetingOption> ForResource(string type) => type switch
    {
        "LOCATION" => Metros,
        "GEO" => Countries.Select(c => new TargetingOption(c.Code, c.Name, c.Regions.Select(r => new TargetingOption(r.Code, r.Name)).ToArray())).ToArray(),
        "INTEREST" => Interests,
        "KEYWORD" => Keywords.Select(k => new TargetingOption(k, k)).ToArray(),
        "AUDIENCE_INCLUDE" or "AUDIENCE_EXCLUDE" => Audiences,
        _ => Simple.TryGetValue(type, out var list) ? list : Array.Empty<TargetingOption>(),
    };

    /// <summary>Every value a targeting analytics row of this type can carry.</summary>
    public static IReadOnlyList<string> AnalyticsValues(string type)
    {
        lock (ValueCache)
        {
            if (!ValueCache.TryGetValue(type, out var values)) ValueCache[type] = values = BuildAnalyticsValues(type);
            return values;
        }
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> ValueCache = new(StringComparer.Ordinal);

    private static IReadOnlyList<string> BuildAnalyticsValues(string type) => type switch
    {
        "LOCATION" => Metros.Select(m => m.Id).ToArray(),
        "COUNTRY" => Countries.Select(c => c.Code).ToArray(),
        "GEO" => Countries.Select(c => c.Code).ToArray(),
        "REGION" => Countries.SelectMany(c => c.Regions).Select(r => r.Code).ToArray(),
        "TARGETED_INTEREST" => Interests.Select(i => i.Name).ToArray(),
        "PINNER_INTEREST" => PinnerInterests.Select(i => i.Name).ToArray(),
        "KEYWORD" => Keywords,
        "AUDIENCE_INCLUDE" => Audiences.Select(a => a.Id).ToArray(),
        "AGE_BUCKET_AND_GENDER" => Simple["AGE_BUCKET"].SelectMany(a => new[] { $"{a.Id} female", $"{a.Id} male" }).ToArray(),
        _ => Simple.TryGetValue(type, out var list) ? list.Select(o => o.Id).ToArray() : new[] { "UNKNOWN" },
    };

    public static IReadOnlyList<TargetingOption> MetroList => Metros;

    public static IReadOnlyList<(string Code, string Name)> CountryList => Countries.Select(c => (c.Code, c.Name)).ToArray();

    public static IReadOnlyList<TargetingOption> InterestList => Interests;

    /// <summary>Every targeting type any targeting analytics operation or async report accepts.</summary>
    public static readonly string[] AnalyticsTypes =
    {
        "KEYWORD", "APPTYPE", "GENDER", "LOCATION", "PLACEMENT", "COUNTRY", "TARGETED_INTEREST", "PINNER_INTEREST",
        "AUDIENCE_INCLUDE", "GEO", "AGE_BUCKET", "REGION", "MEDIA_TYPE", "AGE_BUCKET_AND_GENDER", "AUDIENCE_MULTIPLIER",
        "CREATIVE_ENHANCEMENTS", "LOCAL_ADS_STORE_CODE", "CREATIVE_TYPE", "QUIZ_RESULT",
    };
}
