namespace PinterestAds.Emulator.Metrics;

/// <summary>
/// THE table of behavioural limits the description states in prose (from the facts page). Everything
/// enforced about date windows lives here; the per-parameter limits (maxItems, enums, patterns) come
/// from the API catalogue instead.
/// </summary>
internal static class ReportingLimits
{
    public sealed record DateWindow(int MaxDaysBack, int MaxSpanDays);

    /// <summary>Sync analytics (including targeting analytics), granularity other than HOUR.</summary>
    public static readonly DateWindow Sync = new(MaxDaysBack: 90, MaxSpanDays: 90);
    /// <summary>Sync analytics with HOUR granularity.</summary>
    public static readonly DateWindow SyncHour = new(MaxDaysBack: 8, MaxSpanDays: 3);
    /// <summary>Async reports (and template reports), granularity other than HOUR.</summary>
    public static readonly DateWindow Async = new(MaxDaysBack: 914, MaxSpanDays: 186);
    /// <summary>Async reports with HOUR granularity.</summary>
    public static readonly DateWindow AsyncHour = new(MaxDaysBack: 8, MaxSpanDays: 3);
    /// <summary>Async reports at level PRODUCT_ITEM / PRODUCT_ITEM_TARGETING.</summary>
    public static readonly DateWindow AsyncProductItem = new(MaxDaysBack: 92, MaxSpanDays: 31);

    /// <summary>Days up to "today" whose conversion metrics are not final yet (today and yesterday).</summary>
    public const int ConversionSettlingDays = 2;
    /// <summary>Days up to "today" whose non-conversion metrics are not final yet (today).</summary>
    public const int NonConversionSettlingDays = 1;

    public static DateWindow For(bool isAsync, string granularity, string? level)
    {
        if (isAsync && level is "PRODUCT_ITEM" or "PRODUCT_ITEM_TARGETING") return AsyncProductItem;
        if (granularity == "HOUR") return isAsync ? AsyncHour : SyncHour;
        return isAsync ? Async : Sync;
    }

    /// <summary>Checks start/end against a window relative to <paramref name="today"/>; the message names the parameter and the fix.</summary>
    public static void CheckDates(DateOnly start, DateOnly end, DateOnly today, DateWindow window, string context)
    {
        if (end < start)
            throw Catalog.ApiException.BadRequest($"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}.");
        var earliest = today.AddDays(-window.MaxDaysBack);
        if (start < earliest)
            throw Catalog.ApiException.BadRequest(
                $"start_date {start:yyyy-MM-dd} is more than {window.MaxDaysBack} days back ({context}); the earliest allowed start_date is {earliest:yyyy-MM-dd} (UTC).");
        var span = end.DayNumber - start.DayNumber + 1;
        if (span > window.MaxSpanDays)
            throw Catalog.ApiException.BadRequest(
                $"The range start_date {start:yyyy-MM-dd} to end_date {end:yyyy-MM-dd} covers {span} days; at most {window.MaxSpanDays} days are allowed ({context}). Split it into shorter ranges.");
    }
}
