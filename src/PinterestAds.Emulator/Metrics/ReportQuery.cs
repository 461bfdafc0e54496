using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Metrics;

/// <summary>The entity level rows are reported at.</summary>
internal enum ReportLevel { Advertiser, Campaign, AdGroup, Ad, ProductGroup }

/// <summary>A filter of async reports' <c>metrics_filters</c>: keep rows whose field is less/greater than a value.</summary>
internal sealed record MetricsFilter(string Field, bool GreaterThan, double Value);

/// <summary>
/// One analytics question, however it was asked (sync endpoint, async report body, template, or the
/// admin ground-truth endpoint): the same query always yields the same rows.
/// </summary>
internal sealed record ReportQuery
{
    public required AdAccount Account { get; init; }
    public required ReportLevel Level { get; init; }
    /// <summary>Targeting types for targeting breakdowns; empty for plain entity rows.</summary>
    public IReadOnlyList<string> TargetingTypes { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string>? CampaignIds { get; init; }
    public IReadOnlyList<string>? AdGroupIds { get; init; }
    public IReadOnlyList<string>? AdIds { get; init; }
    public IReadOnlyList<string>? PinIds { get; init; }
    public IReadOnlyList<string>? ProductGroupIds { get; init; }
    /// <summary>Async filters on statuses (summary statuses such as RUNNING/PAUSED/ARCHIVED).</summary>
    public IReadOnlyList<string>? CampaignStatuses { get; init; }
    public IReadOnlyList<string>? AdGroupStatuses { get; init; }
    public IReadOnlyList<string>? AdStatuses { get; init; }
    public IReadOnlyList<string>? ProductGroupStatuses { get; init; }
    public IReadOnlyList<string>? CampaignObjectiveTypes { get; init; }
    /// <summary>MMM reports' <c>countries</c>: only ad groups that target one of these countries.</summary>
    public IReadOnlyList<string>? Countries { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public int? StartHour { get; init; }
    public int? EndHour { get; init; }
    /// <summary>TOTAL, DAY, HOUR, WEEK or MONTH.</summary>
    public required string Granularity { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    public int ClickWindowDays { get; init; } = 30;
    public int EngagementWindowDays { get; init; } = 30;
    public int ViewWindowDays { get; init; } = 1;
    public string ConversionReportTime { get; init; } = "TIME_OF_AD_ACTION";
    public bool SortByDate { get; init; }
    public IReadOnlyList<MetricsFilter> MetricsFilters { get; init; } = Array.Empty<MetricsFilter>();

    public bool IsTargeting => TargetingTypes.Count > 0;

    /// <summary>The id column that keys each row at this level.</summary>
    public string EntityIdColumn => IdColumnOf(Level);

    public static string IdColumnOf(ReportLevel level) => level switch
    {
        ReportLevel.Advertiser => "AD_ACCOUNT_ID",
        ReportLevel.Campaign => "CAMPAIGN_ID",
        ReportLevel.AdGroup => "AD_GROUP_ID",
        ReportLevel.Ad => "AD_ID",
        _ => "PRODUCT_GROUP_ID",
    };

    /// <summary>Maps an async <c>level</c> name to the level and whether it is a targeting breakdown.</summary>
    public static (ReportLevel Level, bool Targeting)? FromAsyncLevel(string level) => level switch
    {
        "ADVERTISER" => (ReportLevel.Advertiser, false),
        "ADVERTISER_TARGETING" => (ReportLevel.Advertiser, true),
        "CAMPAIGN" => (ReportLevel.Campaign, false),
        "CAMPAIGN_TARGETING" => (ReportLevel.Campaign, true),
        "AD_GROUP" => (ReportLevel.AdGroup, false),
        "AD_GROUP_TARGETING" => (ReportLevel.AdGroup, true),
        "PIN_PROMOTION" => (ReportLevel.Ad, false),
        "PIN_PROMOTION_TARGETING" => (ReportLevel.Ad, true),
        "PRODUCT_GROUP" => (ReportLevel.ProductGroup, false),
        "PRODUCT_GROUP_TARGETING" => (ReportLevel.ProductGroup, true),
        _ => null,
    };
}
