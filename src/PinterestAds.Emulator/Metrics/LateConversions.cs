namespace PinterestAds.Emulator.Metrics;

/// <summary>
/// Late conversions: a day's conversions keep arriving after the day, so the conversion metrics reported
/// for it grow on a fixed schedule until <c>metrics_ready_state</c> says they are final
/// (<see cref="ReportingLimits.ConversionSettlingDays"/> days later). Sync analytics, async report files,
/// the ready state and the admin ground truth all read this one schedule, so they always agree.
/// </summary>
internal static class LateConversions
{
    /// <summary>The share (0..1] of a day's final conversions reported so far, by day number.</summary>
    public delegate double Maturity(int dayNumber);

    /// <summary>
    /// The schedule as of <paramref name="today"/>: a day <c>age</c> days old (0 = today) has
    /// <c>(age + 1) / (ConversionSettlingDays + 1)</c> of its conversions; from the day the ready state
    /// calls it final, all of them.
    /// </summary>
    public static Maturity Schedule(DateOnly today)
    {
        int todayNumber = today.DayNumber;
        return day => ShareOf(todayNumber - day);
    }

    /// <summary>The share reported when the day is <paramref name="ageDays"/> old.</summary>
    public static double ShareOf(int ageDays) =>
        ageDays >= ReportingLimits.ConversionSettlingDays ? 1.0
        : ageDays < 0 ? 0.0
        : (ageDays + 1) / (double)(ReportingLimits.ConversionSettlingDays + 1);

    /// <summary>Whether a day's conversion metrics are final as of <paramref name="today"/> (what the ready state answers).</summary>
    public static bool IsFinal(DateOnly day, DateOnly today) => today.DayNumber - day.DayNumber >= ReportingLimits.ConversionSettlingDays;
}
