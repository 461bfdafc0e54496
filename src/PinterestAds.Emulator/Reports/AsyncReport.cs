using PinterestAds.Emulator.Metrics;

namespace PinterestAds.Emulator.Reports;

/// <summary>An async (or template) report: the query, its format, and where it is in its life.</summary>
internal sealed class AsyncReport
{
    public required string Token { get; init; }
    public required string AdAccountId { get; init; }
    public required ReportQuery Query { get; init; }
    public required bool Csv { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? TemplateId { get; init; }
    /// <summary>A Marketing Mix Modeling report: polled with GET /mmm_reports, unknown to GET /reports.</summary>
    public bool Mmm { get; init; }
    /// <summary>Whether the file is gzip-encoded (decided at creation from the options).</summary>
    public required bool Gzip { get; init; }
    /// <summary>A status forced through the admin API (FAILED, CANCELLED, EXPIRED).</summary>
    public string? ForcedStatus { get; set; }
    /// <summary>Counts the file's bytes in the background while the report is "being prepared".</summary>
    public Task<long>? Size { get; set; }

    public string FileName => $"reports/{Token}.{(Csv ? "csv" : "json")}";
}

/// <summary>Lists every async report by token.</summary>
internal sealed class AsyncReportRegistry
{
    private readonly Dictionary<string, AsyncReport> _reports = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Add(AsyncReport report)
    {
        lock (_gate) _reports[report.Token] = report;
    }

    public AsyncReport? Find(string token)
    {
        lock (_gate) return _reports.GetValueOrDefault(token);
    }
}
