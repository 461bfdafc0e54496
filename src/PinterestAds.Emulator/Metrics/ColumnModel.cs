using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Metrics;

internal enum ColumnKind
{
    /// <summary>A property of the reported entity (ids, names, statuses, budgets): same on every row.</summary>
    Attribute,
    /// <summary>A count or money amount generated per delivery unit and day; every coarser row is a sum.</summary>
    Additive,
    /// <summary>Computed from sums of additive columns: ratios (CTR, CPC, ROAS ...) or unit conversions (*_IN_DOLLAR).</summary>
    Derived,
}

/// <summary>The order of magnitude an additive column is generated at.</summary>
internal enum Magnitude { Impressions, ImpressionUsers, Engagement, Spend, ConversionCount, ConversionValue, Video, VideoSeconds }

/// <summary>An additive quantity (a requested column or a hidden building block of a ratio) and its slot.</summary>
internal sealed record AdditiveColumn(int Slot, string Name, Magnitude Magnitude, bool IsConversion, ulong Key);

/// <summary>How one column's value is obtained.</summary>
internal sealed record ColumnRule(
    string Name, ColumnKind Kind, bool IsInteger, bool IsConversion,
    AdditiveColumn? Additive, IReadOnlyList<AdditiveColumn> Numerator, IReadOnlyList<AdditiveColumn> Denominator, double Scale)
{
    public bool IsMetric => Kind != ColumnKind.Attribute;
}

/// <summary>
/// Classifies every sync and async column of the catalogue once. Ratios are defined over additive
/// columns (CTR = CLICKTHROUGH_1 / IMPRESSION_1, CPC = SPEND / clicks, ROAS = value / spend ...), so a
/// ratio at any level and granularity is computed from that row's sums and stays consistent. Columns
/// whose ingredients are not themselves columns get hidden additive building blocks.
/// </summary>
internal sealed class ColumnModel
{
    private static readonly string[] ConversionEvents =
    {
        "PAGE_VISIT", "SIGNUP", "CHECKOUT", "CUSTOM", "LEAD", "ADD_TO_CART", "SEARCH", "WATCH_VIDEO",
        "VIEW_CATEGORY", "APP_INSTALL", "UNKNOWN", "CONVERSION", "WISHLIST", "SUBSCRIBE",
    };

    private static readonly HashSet<string> ExplicitAttributes = new(StringComparer.Ordinal)
    {
        "AD_GROUP_BUDGET_IN_LOCAL_CURRENCY", "AD_GROUP_BID_MULTIPLIER", "CAMPAIGN_LIFETIME_SPEND_CAP", "CAMPAIGN_DAILY_SPEND_CAP",
        "CAMPAIGN_BUDGET_OPTIMIZATION", "IS_PREMIERE_CAMPAIGN", "AD_GROUP_OPTIMIZATION", "VIDEO_LENGTH", "CAMPAIGN_CUSTOM_LABELS",
    };

    // name -> (numerator, denominator, scale, integer result)
    private static readonly Dictionary<string, (string[] Num, string[] Den, double Scale, bool Integer)> Formulas = new(StringComparer.Ordinal)
    {
        ["PAID_IMPRESSION"] = (new[] { "IMPRESSION_1" }, Array.Empty<string>(), 1, true),
        ["CTR"] = (new[] { "CLICKTHROUGH_1" }, new[] { "IMPRESSION_1" }, 1, false),
        ["CTR_2"] = (new[] { "CLICKTHROUGH_2" }, new[] { "IMPRESSION_2" }, 1, false),
        ["ECTR"] = (new[] { "CLICKTHROUGH_1", "CLICKTHROUGH_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
        ["OUTBOUND_CTR_1"] = (new[] { "OUTBOUND_CLICK_1" }, new[] { "IMPRESSION_1" }, 1, false),
        ["OUTBOUND_CTR"] = (new[] { "OUTBOUND_CLICK_1", "OUTBOUND_CLICK_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
        ["CPC_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "CLICKTHROUGH_1" }, 1, true),
        ["ECPC_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "CLICKTHROUGH_1", "CLICKTHROUGH_2" }, 1, true),
        ["CPM_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "IMPRESSION_1" }, 1000, true),
        ["ECPM_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1000, true),
        ["ECPM_IN_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1000 * 1e-6, false),
        ["ENGAGEMENT_RATE"] = (new[] { "ENGAGEMENT_1" }, new[] { "IMPRESSION_1" }, 1, false),
        ["EENGAGEMENT_RATE"] = (new[] { "ENGAGEMENT_1", "ENGAGEMENT_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
        ["REPIN_RATE"] = (new[] { "REPIN_1" }, new[] { "IMPRESSION_1" }, 1, false),
        ["TOTAL_REPIN_RATE"] = (new[] { "REPIN_1", "REPIN_2" }, new[] { "IMPRESSION_1", "IMPRESSION_2" }, 1, false),
        ["ECPE_IN_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "ENGAGEMENT_1", "ENGAGEMENT_2" }, 1e-6, false),
        ["COST_PER_OUTBOUND_CLICK_IN_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "OUTBOUND_CLICK_1", "OUTBOUND_CLICK_2" }, 1e-6, false),
        ["COST_PER_OUTBOUND_CLICK_IN_DOLLAR_1"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "OUTBOUND_CLICK_1" }, 1e-6, false),
        ["COST_PER_OUTBOUND_CLICK"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "OUTBOUND_CLICK_1", "OUTBOUND_CLICK_2" }, 1e-6, false),
        ["TOTAL_IMPRESSION_FREQUENCY"] = (new[] { "IMPRESSION_1", "IMPRESSION_2" }, new[] { "TOTAL_IMPRESSION_USER" }, 1, false),
        ["COST_PER_LEAD"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "LEADS" }, 1e-6, false),
        ["CPV_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "VIDEO_3SEC_VIEWS_1" }, 1, true),
        ["ECPV_IN_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "VIDEO_3SEC_VIEWS_1" }, 1e-6, false),
        ["CPCV_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "VIDEO_P100_COMPLETE_1" }, 1, true),
        ["ECPCV_IN_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "VIDEO_P100_COMPLETE_1" }, 1e-6, false),
        ["CPCV_P95_IN_MICRO_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "VIDEO_P95_COMBINED_1" }, 1, true),
        ["ECPCV_P95_IN_DOLLAR"] = (new[] { "SPEND_IN_MICRO_DOLLAR" }, new[] { "VIDEO_P95_COMBINED_1" }, 1e-6, false),
    };

    private readonly HashSet<string> _universe;
    private readonly Dictionary<string, ColumnRule> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AdditiveColumn> _additives = new(StringComparer.Ordinal);
    private readonly List<AdditiveColumn> _additiveList = new();

    private ColumnModel(IEnumerable<string> columns)
    {
        _universe = new HashSet<string>(columns, StringComparer.Ordinal);
        foreach (var c in _universe.OrderBy(c => c, StringComparer.Ordinal)) Resolve(c);
    }

    private static readonly Lazy<ColumnModel> Shared = new(() =>
        new ColumnModel(ApiCatalog.Instance.SyncColumns.Concat(ApiCatalog.Instance.AsyncColumns).Concat(ApiCatalog.Instance.MmmColumns)));

    public static ColumnModel Instance => Shared.Value;

    /// <summary>Number of additive slots (requested and hidden) a sum vector needs.</summary>
    public int AdditiveCount => _additiveList.Count;

    public IReadOnlyList<AdditiveColumn> Additives => _additiveList;

    public ColumnRule Rule(string column) =>
        _rules.TryGetValue(column, out var r) ? r : throw new InvalidOperationException($"Unknown column {column}.");

    public bool IsKnown(string column) => _rules.ContainsKey(column);

    public static bool IsAttributeName(string name) =>
        ExplicitAttributes.Contains(name)
        || name.StartsWith("PRODUCT_ITEM_", StringComparison.Ordinal)
        || name.EndsWith("_ID", StringComparison.Ordinal) || name.EndsWith("_NAME", StringComparison.Ordinal)
        || name.EndsWith("_STATUS", StringComparison.Ordinal) || name.EndsWith("_LABEL", StringComparison.Ordinal)
        || name.EndsWith("_TAG", StringComparison.Ordinal) || name.EndsWith("_TYPE", StringComparison.Ordinal);

    public static bool IsConversionName(string name) =>
        name == "LEADS" || ConversionEvents.Any(e => name.Contains(e, StringComparison.Ordinal));

    private ColumnRule Resolve(string name)
    {
        if (_rules.TryGetValue(name, out var existing)) return existing;
        var rule = Build(name);
        _rules[name] = rule;
        return rule;
    }

    private ColumnRule Build(string name)
    {
        if (IsAttributeName(name))
            return new ColumnRule(name, ColumnKind.Attribute, false, false, null, Array.Empty<AdditiveColumn>(), Array.Empty<AdditiveColumn>(), 1);

        if (Formulas.TryGetValue(name, out var f))
            return Derived(name, f.Num.Select(Leaf).ToArray(), f.Den.Select(Leaf).ToArray(), f.Scale, f.Integer);

        // TOTAL_X = X_1 + X_2 (paid + earned) when both halves are columns.
        if (name.StartsWith("TOTAL_", StringComparison.Ordinal)
            && _universe.Contains(name[6..] + "_1") && _universe.Contains(name[6..] + "_2"))
            return Derived(name, new[] { Leaf(name[6..] + "_1"), Leaf(name[6..] + "_2") }, Array.Empty<AdditiveColumn>(), 1, true);

        // X_IN_DOLLAR is X_IN_MICRO_DOLLAR / 1e6.
        if (name.EndsWith("_IN_DOLLAR", StringComparison.Ordinal) && !name.StartsWith("CP", StringComparison.Ordinal)
            && !name.StartsWith("ECP", StringComparison.Ordinal) && !name.Contains("COST_PER", StringComparison.Ordinal))
        {
            var micro = name[..^"_IN_DOLLAR".Length] + "_IN_MICRO_DOLLAR";
            if (_universe.Contains(micro))
            {
                var m = Resolve(micro);
                return m.Kind == ColumnKind.Additive
                    ? Derived(name, new[] { m.Additive! }, Array.Empty<AdditiveColumn>(), 1e-6, false)
                    : Derived(name, m.Numerator, m.Denominator, m.Scale * 1e-6, false);
            }
            return Derived(name, new[] { Hidden("#micro:" + name, Magnitude.Spend) }, Array.Empty<AdditiveColumn>(), 1e-6, false);
        }

        var spend = Leaf("SPEND_IN_MICRO_DOLLAR");
        if (name.StartsWith("CP", StringComparison.Ordinal) || name.StartsWith("ECP", StringComparison.Ordinal)
            || name.Contains("COST_PER", StringComparison.Ordinal))
        {
            AdditiveColumn den;
            var i = name.IndexOf("_COST_PER_ACTION", StringComparison.Ordinal);
            if (i > 0 && _universe.Contains("TOTAL_" + name[..i]) && !IsAttributeName("TOTAL_" + name[..i]) && Resolve("TOTAL_" + name[..i]).Additive is { } action)
                den = action;
            else
                den = Hidden("#actions:" + name, IsConversionName(name) ? Magnitude.ConversionCount : Magnitude.Engagement);
            var integer = name.EndsWith("_IN_MICRO_DOLLAR", StringComparison.Ordinal);
            return Derived(name, new[] { spend }, new[] { den }, integer ? 1 : 1e-6, integer);
        }

        if (name.EndsWith("_ROAS", StringComparison.Ordinal))
        {
            var valueName = "TOTAL_" + name[..^5] + "_VALUE_IN_MICRO_DOLLAR";
            var value = _universe.Contains(valueName) && Resolve(valueName).Additive is { } v ? v : Hidden("#value:" + name, Magnitude.ConversionValue);
            return Derived(name, new[] { value }, new[] { spend }, 1, false);
        }

        if (name.EndsWith("_CONVERSION_RATE", StringComparison.Ordinal))
        {
            var countName = name[..^"_CONVERSION_RATE".Length];
            var count = _universe.Contains(countName) && !IsAttributeName(countName) && Resolve(countName).Additive is { } c
                ? c : Hidden("#conversions:" + name, Magnitude.ConversionCount);
            return Derived(name, new[] { count }, new[] { Leaf("CLICKTHROUGH_1"), Leaf("CLICKTHROUGH_2") }, 1, false);
        }

        if (name.Contains("AVG", StringComparison.Ordinal) || name.Contains("AVERAGE", StringComparison.Ordinal) || name.Contains("PER_SESSION", StringComparison.Ordinal))
        {
            var watch = name.Contains("WATCHTIME", StringComparison.Ordinal);
            return Derived(name,
                new[] { Hidden("#sum:" + name, watch ? Magnitude.VideoSeconds : Magnitude.Engagement) },
                new[] { Hidden("#count:" + name, watch ? Magnitude.Video : Magnitude.ConversionCount) }, 1, false);
        }

        if (name.Contains("_RATE", StringComparison.Ordinal) || name.Contains("CTR", StringComparison.Ordinal) || name.Contains("FREQUENCY", StringComparison.Ordinal))
            return Derived(name, new[] { Hidden("#events:" + name, Magnitude.Engagement) }, new[] { Leaf("IMPRESSION_1"), Leaf("IMPRESSION_2") }, 1, false);

        var additive = Leaf(name);
        return new ColumnRule(name, ColumnKind.Additive, true, additive.IsConversion, additive, Array.Empty<AdditiveColumn>(), Array.Empty<AdditiveColumn>(), 1);
    }

    private ColumnRule Derived(string name, IReadOnlyList<AdditiveColumn> num, IReadOnlyList<AdditiveColumn> den, double scale, bool integer) =>
        new(name, ColumnKind.Derived, integer, num.Concat(den).Any(a => a.IsConversion) || IsConversionName(name), null, num, den, scale);

    /// <summary>The additive slot of a named column (created on first use).</summary>
    private AdditiveColumn Leaf(string name)
    {
        if (_additives.TryGetValue(name, out var a)) return a;
        var magnitude = MagnitudeOf(name);
        return Add(name, magnitude, IsConversionName(name));
    }

    private AdditiveColumn Hidden(string name, Magnitude magnitude)
    {
        if (_additives.TryGetValue(name, out var a)) return a;
        return Add(name, magnitude, magnitude is Magnitude.ConversionCount or Magnitude.ConversionValue || IsConversionName(name));
    }

    private AdditiveColumn Add(string name, Magnitude magnitude, bool isConversion)
    {
        var column = new AdditiveColumn(_additiveList.Count, name, magnitude, isConversion, DeterministicHash.OfString(name));
        _additives[name] = column;
        _additiveList.Add(column);
        return column;
    }

    private static Magnitude MagnitudeOf(string name)
    {
        var conversion = IsConversionName(name);
        if (name.Contains("VALUE_IN_MICRO_DOLLAR", StringComparison.Ordinal) || (conversion && name.Contains("MICRO_DOLLAR", StringComparison.Ordinal)))
            return Magnitude.ConversionValue;
        if (name.Contains("IMPRESSION_USER", StringComparison.Ordinal)) return Magnitude.ImpressionUsers;
        if (name.Contains("IMPRESSION", StringComparison.Ordinal)) return Magnitude.Impressions;
        if (name.Contains("SPEND", StringComparison.Ordinal) || name.Contains("MICRO_DOLLAR", StringComparison.Ordinal)) return Magnitude.Spend;
        if (conversion || name.Contains("QUANTITY", StringComparison.Ordinal)) return Magnitude.ConversionCount;
        if (name.Contains("WATCHTIME", StringComparison.Ordinal)) return Magnitude.VideoSeconds;
        if (name.Contains("VIDEO", StringComparison.Ordinal)) return Magnitude.Video;
        return Magnitude.Engagement;
    }
}
