using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Metrics;

/// <summary>
/// The ground truth of delivery: the value of one additive column for one delivery unit (ad or product
/// group) on one day, a pure function of (seed, unit, day, column). Hours and targeting values split a
/// day's value exactly (the parts always add up to the whole), so every aggregate is a plain sum.
/// </summary>
internal sealed class MetricGenerator
{
    private const ulong ActivitySalt = 0xA11CE;
    private const ulong VolumeSalt = 0xB0B;
    private const ulong CpmSalt = 0xC0FFEE;
    private const ulong HourSalt = 0x40C;
    private const ulong TargetingSalt = 0x7A6;
    private const ulong SplitSalt = 0x5917;

    /// <summary>How much more HOUSEHOLD attribution credits than INDIVIDUAL (conversions by the converting user's household).</summary>
    public const double HouseholdAttributionFactor = 1.12;

    private readonly ulong _seed;
    private readonly double _activityRate;
    private readonly Func<DateOnly> _today;

    public MetricGenerator(ulong seed, double activityRate, Func<DateOnly> today)
    {
        _seed = seed;
        _activityRate = activityRate;
        _today = today;
    }

    /// <summary>The emulator's "today" now (it moves forward when the admin API says so).</summary>
    public DateOnly Today => _today();

    /// <summary>Whether the unit delivered at all that day (no data before its start or after "today").</summary>
    public bool IsActive(IDeliveryUnit unit, int day) =>
        day >= unit.StartDay && day <= _today().DayNumber
        && DeterministicHash.Unit(DeterministicHash.Combine(_seed, unit.Key, (ulong)day, ActivitySalt)) < _activityRate;

    /// <summary>Paid impressions of an active unit-day: the scale every other column is derived from.</summary>
    public double BaseImpressions(IDeliveryUnit unit, int day)
    {
        var weekday = (day + 1) % 7; // DayNumber 0 is a Monday
        var weekdayFactor = weekday >= 5 ? 1.15 : 0.95;
        var u = DeterministicHash.Unit(DeterministicHash.Combine(_seed, unit.Key, (ulong)day, VolumeSalt));
        return Math.Floor(unit.Volume * 1500 * (0.6 + 0.8 * u) * weekdayFactor);
    }

    /// <summary>One additive column's value for an active unit-day. <paramref name="conversionFactor"/> models the attribution windows.</summary>
    public long Value(IDeliveryUnit unit, int day, double baseImpressions, AdditiveColumn column, double conversionFactor)
    {
        var h = DeterministicHash.Combine(_seed ^ column.Key, unit.Key, (ulong)day);
        var x = DeterministicHash.Unit(h);
        var y = DeterministicHash.Unit(DeterministicHash.Mix(h));
        var columnShape = DeterministicHash.Unit(column.Key);
        double v;
        switch (column.Magnitude)
        {
            case Magnitude.Impressions:
                v = column.Name == "IMPRESSION_1" ? baseImpressions
                    : baseImpressions * (column.Name == "IMPRESSION_2" ? 0.35 : 0.2 + 0.9 * columnShape) * (0.8 + 0.4 * y);
                break;
            case Magnitude.ImpressionUsers:
                v = baseImpressions * 0.55 * (0.9 + 0.2 * y);
                break;
            case Magnitude.Spend:
                var cpm = 3 + 9 * DeterministicHash.Unit(DeterministicHash.Combine(unit.Key, CpmSalt));
                var share = column.Name == "SPEND_IN_MICRO_DOLLAR" ? 1.0 : 0.05 + 0.4 * columnShape;
                v = InAccountCurrency(unit, baseImpressions / 1000 * cpm * 1_000_000 * share * (column.Name == "SPEND_IN_MICRO_DOLLAR" ? 1 : 0.8 + 0.4 * y));
                break;
            case Magnitude.Engagement:
                if (x < 0.15) return 0;
                v = baseImpressions * (0.002 + 0.02 * columnShape) * (0.5 + y);
                break;
            case Magnitude.ConversionCount:
                if (x < 0.55) return 0;
                v = (1 + Math.Floor(y * (1 + baseImpressions / 800))) * conversionFactor;
                break;
            case Magnitude.ConversionValue:
                if (x < 0.55) return 0;
                v = InAccountCurrency(unit, Math.Round((5 + y * 200) * (1 + baseImpressions / 2000), 2) * 1_000_000 * conversionFactor);
                break;
            case Magnitude.Video:
                if (x < 0.3) return 0;
                v = baseImpressions * (0.02 + 0.1 * columnShape) * (0.5 + y);
                break;
            default: // VideoSeconds
                if (x < 0.3) return 0;
                v = baseImpressions * 0.3 * (0.5 + y);
                break;
        }
        return (long)Math.Round(v);
    }

    /// <summary>Yen per dollar of the world's money amounts (a fixed, round rate).</summary>
    public const double YenPerDollar = 150;

    /// <summary>
    /// A unit-day's money amount (micro-units) in its account's currency: a JPY account's amounts are
    /// <see cref="YenPerDollar"/> times larger and whole yen (JPY has no minor unit), so its micro-units are
    /// multiples of 1,000,000; other accounts' amounts are as generated.
    /// </summary>
    private static double InAccountCurrency(IDeliveryUnit unit, double micro) =>
        unit.AdGroup.Campaign.Account.Currency == "JPY" ? Math.Round(micro * YenPerDollar / 1_000_000) * 1_000_000 : micro;

    /// <summary>Cumulative weights (length 25, last = 1) that split a unit-day into hours.</summary>
    public void HourWeights(IDeliveryUnit unit, int day, Span<double> cumulative)
    {
        double total = 0;
        cumulative[0] = 0;
        for (var hour = 0; hour < 24; hour++)
        {
            // More delivery in the evening, some at night.
            var shape = 0.3 + Math.Max(0, Math.Sin((hour - 6) / 24.0 * 2 * Math.PI)) + (hour >= 18 && hour <= 22 ? 0.6 : 0);
            total += shape * (0.7 + 0.6 * DeterministicHash.Unit(DeterministicHash.Combine(unit.Key, (ulong)day, (ulong)hour, HourSalt)));
            cumulative[hour + 1] = total;
        }
        for (var i = 1; i <= 24; i++) cumulative[i] /= total;
        cumulative[24] = 1.0;
    }

    /// <summary>Cumulative weights splitting a unit-day across the targeting values of one type.</summary>
    public void TargetingWeights(AdGroup adGroup, string type, IReadOnlyList<string> values, int day, Span<double> cumulative)
    {
        var typeKey = DeterministicHash.OfString(type);
        double total = 0;
        cumulative[0] = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var valueKey = DeterministicHash.OfString(values[i]);
            var stable = 0.2 + DeterministicHash.Unit(DeterministicHash.Combine(adGroup.Key, typeKey, valueKey, TargetingSalt));
            var daily = 0.8 + 0.4 * DeterministicHash.Unit(DeterministicHash.Combine(adGroup.Key, typeKey ^ valueKey, (ulong)day));
            total += stable * daily;
            cumulative[i + 1] = total;
        }
        for (var i = 1; i <= values.Count; i++) cumulative[i] /= total;
        cumulative[values.Count] = 1.0;
    }

    /// <summary>Cumulative weights splitting a unit-day across <paramref name="count"/> parts of an owner (a product group's items).</summary>
    public void SplitWeights(ulong ownerKey, int count, int day, Span<double> cumulative)
    {
        double total = 0;
        cumulative[0] = 0;
        for (var i = 0; i < count; i++)
        {
            var stable = 0.3 + DeterministicHash.Unit(DeterministicHash.Combine(ownerKey, (ulong)i, SplitSalt));
            var daily = 0.8 + 0.4 * DeterministicHash.Unit(DeterministicHash.Combine(ownerKey, (ulong)i, (ulong)day, SplitSalt));
            total += stable * daily;
            cumulative[i + 1] = total;
        }
        for (var i = 1; i <= count; i++) cumulative[i] /= total;
        cumulative[count] = 1.0;
    }

    /// <summary>Part <paramref name="index"/> of <paramref name="whole"/> under cumulative weights; the parts sum to the whole exactly.</summary>
    public static long Part(long whole, ReadOnlySpan<double> cumulative, int index) =>
        (long)Math.Floor(whole * cumulative[index + 1]) - (long)Math.Floor(whole * cumulative[index]);

    /// <summary>Scale of conversion metrics for the attribution windows and report time (longer windows attribute more).</summary>
    public static double ConversionFactor(int clickWindowDays, int engagementWindowDays, int viewWindowDays, string conversionReportTime,
        IReadOnlyList<string>? attributionTypes = null)
    {
        // HOUSEHOLD (alone or with INDIVIDUAL, whose conversions it includes) credits more conversions.
        var household = attributionTypes is not null && attributionTypes.Contains("HOUSEHOLD") ? HouseholdAttributionFactor : 1.0;
        static double W(int days) => Math.Log(1 + days) / Math.Log(61);
        var f = (0.35 + 0.65 * W(clickWindowDays)) * (0.85 + 0.15 * W(viewWindowDays)) * (0.9 + 0.1 * W(engagementWindowDays));
        return (conversionReportTime == "TIME_OF_CONVERSION" ? f * 0.96 : f) * household;
    }
}
