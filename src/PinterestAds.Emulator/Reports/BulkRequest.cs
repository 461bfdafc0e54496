using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Reports;

/// <summary>A bulk entity download: which entities, which format, and its state.</summary>
internal sealed class BulkRequest
{
    public required string Id { get; init; }
    public required AdAccount Account { get; init; }
    public required IReadOnlyList<string> EntityTypes { get; init; }
    public IReadOnlyList<string>? EntityIds { get; init; }
    public IReadOnlyList<string>? CampaignStatuses { get; init; }
    public IReadOnlyList<string>? ObjectiveTypes { get; init; }
    public string? CampaignName { get; init; }
    /// <summary>campaign_filter.start_time / end_time (Unix seconds): campaigns whose schedule overlaps the window.</summary>
    public long? CampaignStartTime { get; init; }
    public long? CampaignEndTime { get; init; }
    /// <summary>updated_since (Unix seconds): only entities updated at or after it.</summary>
    public long? UpdatedSince { get; init; }
    public required bool Csv { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? ForcedStatus { get; set; }

    public string FileName => $"bulk/{Id}.{(Csv ? "csv" : "json")}";
}

internal sealed class BulkRegistry
{
    private readonly Dictionary<string, BulkRequest> _requests = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Add(BulkRequest request)
    {
        lock (_gate) _requests[request.Id] = request;
    }

    public BulkRequest? Find(string id)
    {
        lock (_gate) return _requests.GetValueOrDefault(id);
    }
}
