namespace PinterestAds.Emulator.Metrics;

/// <summary>
/// THE table of behavioural limits the description states in prose (from the facts page). Everything
/// enforced about date windows lives here; the per-parameter limits (maxItems, enums, patterns) come
/// from the API catalogue instead.
/// </summary>
internal static class ReportingLimits
{
    public sealed record DateWindow(int MaxDaysBack, int MaxSpanDays);

    /// <summary>
    /// Sync analytics (including targeting analytics), granularity other than HOUR: start_date at most 90 days
    /// back, end_date "cannot be more than 90 days past start_date" (end_date &lt;= start_date + 90: 91 calendar days).
    /// </summary>
    public static readonly DateWindow Sync = new(MaxDaysBack: 90, MaxSpanDays: 90 + 1);
    /// <summary>Sync analytics with HOUR granularity (every level but the ad account).</summary>
    public static readonly DateWindow SyncHour = new(MaxDaysBack: 8, MaxSpanDays: 3);
    /// <summary>ad_account/analytics with HOUR: the description states only the 8 days back, so end_date's 90-day rule is all.</summary>
    public static readonly DateWindow SyncHourAdAccount = new(MaxDaysBack: 8, MaxSpanDays: 90 + 1);
    /// <summary>Template reports: "2.5 years back from today", end "2.5 years past start date" (query_*_date_async), whatever the granularity.</summary>
    public const int TemplateMonths = 30;
    /// <summary>Async reports, granularity other than HOUR.</summary>
    public static readonly DateWindow Async = new(MaxDaysBack: 914, MaxSpanDays: 186);
    /// <summary>Async reports with HOUR granularity.</summary>
    public static readonly DateWindow AsyncHour = new(MaxDaysBack: 8, MaxSpanDays: 3);
    /// <summary>Async reports at level PRODUCT_ITEM / PRODUCT_ITEM_TARGETING.</summary>
    public static readonly DateWindow AsyncProductItem = new(MaxDaysBack: 92, MaxSpanDays: 31);

    /// <summary>Days up to "today" whose conversion metrics are not final yet (today and yesterday).</summary>
    public const int ConversionSettlingDays = 2;
    /// <summary>Days up to "today" whose non-conversion metrics are not final yet (today).</summary>
    public const int NonConversionSettlingDays = 1;

    /// <summary>
    /// Async targeting types the description allows at one level only (TargetingTypeFilter.targeting_types:
    /// "AUDIENCE_MULTIPLIER is only available in CAMPAIGN_TARGETING level. MEDIA_TYPE is only available in
    /// PRODUCT_ITEM_TARGETING level").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TargetingTypeOnlyAtLevel = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AUDIENCE_MULTIPLIER"] = "CAMPAIGN_TARGETING",
        ["MEDIA_TYPE"] = "PRODUCT_ITEM_TARGETING",
    };

    public static void CheckTargetingTypesForLevel(IEnumerable<string> targetingTypes, string level)
    {
        foreach (var type in targetingTypes)
        {
            if (TargetingTypeOnlyAtLevel.TryGetValue(type, out var only) && only != level)
                throw Catalog.ApiException.BadRequest($"targeting_types {type} is only available at level {only}; level is {level}.");
        }
    }

    /// <summary>The sync window of one operation at one granularity.</summary>
    public static DateWindow ForSync(string operationId, string granularity) =>
        granularity != "HOUR" ? Sync : operationId == "ad_account/analytics" ? SyncHourAdAccount : SyncHour;

    /// <summary>Checks a template report's dates: 2.5 years back at most, and a span of at most 2.5 years.</summary>
    public static void CheckTemplateDates(DateOnly start, DateOnly end, DateOnly today)
    {
        if (end < start)
            throw Catalog.ApiException.BadRequest($"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}.");
        var earliest = today.AddMonths(-TemplateMonths);
        if (start < earliest)
            throw Catalog.ApiException.BadRequest(
                $"start_date {start:yyyy-MM-dd} is more than 2.5 years back (template report); the earliest allowed start_date is {earliest:yyyy-MM-dd} (UTC).");
        var latest = start.AddMonths(TemplateMonths);
        if (end > latest)
            throw Catalog.ApiException.BadRequest(
                $"end_date {end:yyyy-MM-dd} is more than 2.5 years past start_date {start:yyyy-MM-dd} (template report); the latest allowed end_date is {latest:yyyy-MM-dd}.");
    }

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
