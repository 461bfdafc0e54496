namespace PinterestAds.Emulator.World;

/// <summary>How the token's user relates to an ad account.</summary>
internal enum AccountAccess { Owner, Shared, Forbidden }

internal sealed class AdAccount
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Country { get; init; }
    public required string Currency { get; init; }
    public required AccountAccess Access { get; init; }
    public required string OwnerUserId { get; init; }
    public required string OwnerUsername { get; init; }
    public required long CreatedTime { get; init; }
    public List<Campaign> Campaigns { get; } = new();
    public List<Template> Templates { get; } = new();
    /// <summary>Every keyword of the account: its own (negative), its campaigns' (negative) and its ad groups'.</summary>
    public List<Keyword> Keywords { get; } = new();
    public IEnumerable<AdGroup> AdGroups => Campaigns.SelectMany(c => c.AdGroups);
    public IEnumerable<Ad> Ads => AdGroups.SelectMany(g => g.Ads);
    public IEnumerable<ProductGroup> ProductGroups => AdGroups.SelectMany(g => g.ProductGroups);
}

internal sealed class Campaign
{
    public required AdAccount Account { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public required string ObjectiveType { get; init; }
    public required long CreatedTime { get; init; }
    /// <summary>Last change (Unix seconds): within the last 60 days, the first campaign of an account yesterday.</summary>
    public required long UpdatedTime { get; init; }
    public required long? DailySpendCap { get; init; }
    public required long? LifetimeSpendCap { get; init; }
    public required string? OrderLineId { get; init; }
    public required bool BudgetOptimization { get; init; }
    public List<AdGroup> AdGroups { get; } = new();
    public string SummaryStatus => SummaryOf(Status);

    public static string SummaryOf(string status) => status switch
    {
        "ACTIVE" => "RUNNING",
        "PAUSED" => "PAUSED",
        "ARCHIVED" => "ARCHIVED",
        _ => status,
    };
}

internal sealed class AdGroup
{
    public required Campaign Campaign { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public required long CreatedTime { get; init; }
    public required long UpdatedTime { get; init; }
    public required long BudgetInMicroCurrency { get; init; }
    public required string BudgetType { get; init; }
    public required long BidInMicroCurrency { get; init; }
    public required double BidMultiplier { get; init; }
    public required string BillableEvent { get; init; }
    public required ulong Key { get; init; }
    /// <summary>Targeting of this ad group per targeting type (values that exist in the targeting options).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Targeting { get; init; }
    public List<Ad> Ads { get; } = new();
    public List<ProductGroup> ProductGroups { get; } = new();
    /// <summary>This ad group's keywords (every match type).</summary>
    public List<Keyword> Keywords { get; } = new();
    public string SummaryStatus => Campaign.SummaryOf(Status);
}

/// <summary>Something that delivers and therefore has metrics of its own: an ad or a product group.</summary>
internal interface IDeliveryUnit
{
    string Id { get; }
    ulong Key { get; }
    AdGroup AdGroup { get; }
    /// <summary>First day with delivery (day number).</summary>
    int StartDay { get; }
    /// <summary>Relative volume of this unit (1.0 = typical).</summary>
    double Volume { get; }
}

internal sealed class Ad : IDeliveryUnit
{
    public required AdGroup AdGroup { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public required string PinId { get; init; }
    public required string CreativeType { get; init; }
    public required long CreatedTime { get; init; }
    public required long UpdatedTime { get; init; }
    public required ulong Key { get; init; }
    public required int StartDay { get; init; }
    public required double Volume { get; init; }
    public required int VideoLengthSeconds { get; init; }
    public string SummaryStatus => Status switch { "ACTIVE" => "APPROVED", _ => Status };
}

internal sealed class ProductGroup : IDeliveryUnit
{
    public required AdGroup AdGroup { get; init; }
    public required string Id { get; init; }
    public required string CatalogProductGroupId { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public required ulong Key { get; init; }
    public required int StartDay { get; init; }
    public required double Volume { get; init; }
    public List<ProductItem> Items { get; } = new();
}

internal sealed class Template
{
    public required AdAccount Account { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string ReportLevel { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    public required string Granularity { get; init; }
    public required string ReportFormat { get; init; }
    public required int StartDaysInPast { get; init; }
    public required int EndDaysInPast { get; init; }
    public required int ClickWindowDays { get; init; }
    public required int EngagementWindowDays { get; init; }
    public required int ViewWindowDays { get; init; }
    public required long UpdatedTime { get; init; }
}
