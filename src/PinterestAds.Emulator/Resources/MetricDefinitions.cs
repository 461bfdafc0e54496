using System.Globalization;
using PinterestAds.Emulator.Metrics;

namespace PinterestAds.Emulator.Resources;

/// <summary>
/// Display names and definitions of every column for <c>GET /resources/delivery_metrics</c>. The
/// definitions are generated from the column model, so they say how the emulator computes each value.
/// </summary>
internal static class MetricDefinitions
{
    private static readonly Dictionary<string, string> KnownNames = new(StringComparer.Ordinal)
    {
        ["SPEND_IN_DOLLAR"] = "Spend",
        ["SPEND_IN_MICRO_DOLLAR"] = "Spend (micro-dollars)",
        ["CLICKTHROUGH_1"] = "Pin clicks",
        ["CLICKTHROUGH_2"] = "Earned Pin clicks",
        ["TOTAL_CLICKTHROUGH"] = "Total Pin clicks",
        ["IMPRESSION_1"] = "Paid impressions",
        ["IMPRESSION_2"] = "Earned impressions",
        ["TOTAL_IMPRESSION"] = "Total impressions",
        ["PAID_IMPRESSION"] = "Paid impressions",
        ["OUTBOUND_CLICK_1"] = "Outbound clicks",
        ["OUTBOUND_CLICK_2"] = "Earned outbound clicks",
        ["REPIN_1"] = "Saves",
        ["REPIN_2"] = "Earned saves",
        ["ENGAGEMENT_1"] = "Engagements",
        ["ENGAGEMENT_2"] = "Earned engagements",
        ["TOTAL_ENGAGEMENT"] = "Total engagements",
        ["CTR"] = "Pin click rate",
        ["CTR_2"] = "Earned Pin click rate",
        ["ECTR"] = "Total Pin click rate",
        ["CPC_IN_MICRO_DOLLAR"] = "Cost per Pin click (micro-dollars)",
        ["ECPC_IN_DOLLAR"] = "Effective cost per Pin click",
        ["CPM_IN_DOLLAR"] = "Cost per thousand impressions",
        ["TOTAL_CONVERSIONS"] = "Total conversions",
        ["CAMPAIGN_NAME"] = "Campaign name",
        ["AD_GROUP_NAME"] = "Ad group name",
    };

    public static string DisplayName(string column)
    {
        if (KnownNames.TryGetValue(column, out var known)) return known;
        var name = column;
        var paid = name.EndsWith("_1", StringComparison.Ordinal);
        var earned = name.EndsWith("_2", StringComparison.Ordinal);
        if (paid || earned) name = name[..^2];
        var unit = "";
        if (name.EndsWith("_IN_MICRO_DOLLAR", StringComparison.Ordinal)) { name = name[..^16]; unit = " (micro-dollars)"; }
        else if (name.EndsWith("_IN_DOLLAR", StringComparison.Ordinal)) { name = name[..^10]; unit = " ($)"; }
        var words = string.Join(' ', name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()));
        words = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words);
        return (earned ? "Earned " : paid ? "Paid " : "") + words + unit;
    }

    public static string Definition(string column)
    {
        var rule = ColumnModel.Instance.Rule(column);
        string Names(IEnumerable<AdditiveColumn> parts) => string.Join(" + ", parts.Select(p => p.Name.StartsWith('#') ? "an underlying " + p.Magnitude.ToString().ToLowerInvariant() + " count" : p.Name));
        return rule.Kind switch
        {
            ColumnKind.Attribute => $"{DisplayName(column)} of the reported entity, the same on every row of that entity.",
            ColumnKind.Additive => $"{DisplayName(column)} in the reporting period: the sum over the days (and entities) the row covers.",
            _ when rule.Denominator.Count == 0 => $"{DisplayName(column)}: {Names(rule.Numerator)}{(rule.Scale != 1 ? $" times {rule.Scale.ToString(CultureInfo.InvariantCulture)}" : "")}, summed over the row.",
            _ => $"{DisplayName(column)}: ({Names(rule.Numerator)}){(rule.Scale != 1 ? $" x {rule.Scale.ToString(CultureInfo.InvariantCulture)}" : "")} divided by ({Names(rule.Denominator)}), from the row's sums; 0 when the divisor is 0.",
        };
    }

    /// <summary>Earned (organic, <c>_2</c>) metrics are ORGANIC; everything else is ADS.</summary>
    public static string Category(string column) => column.EndsWith("_2", StringComparison.Ordinal) ? "ORGANIC" : "ADS";
}
