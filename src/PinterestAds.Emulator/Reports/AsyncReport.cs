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
    /// <summary>The report's file, produced once in the background while the report is "being prepared".</summary>
    public Task<PreparedReportFile>? File { get; set; }
    /// <summary>Set when the report expired and its file was deleted: it stays EXPIRED for good.</summary>
    public bool Discarded { get; set; }

    public string FileName => $"reports/{Token}.{(Csv ? "csv" : "json")}";
}

/// <summary>Lists every async report by token, and owns their prepared files.</summary>
internal sealed class AsyncReportRegistry : IDisposable
{
    private readonly Dictionary<string, AsyncReport> _reports = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Where prepared files too large for memory are kept.</summary>
    public ReportFileFolder Folder { get; } = new();

    public void Add(AsyncReport report)
    {
        lock (_gate) _reports[report.Token] = report;
    }

    public AsyncReport? Find(string token)
    {
        lock (_gate) return _reports.GetValueOrDefault(token);
    }

    /// <summary>
    /// Deletes the files of reports older than their lifetime (they answer EXPIRED from then on, even if the
    /// lifetime is raised later, as an expired report at Pinterest stays expired).
    /// </summary>
    public void DiscardExpired(DateTimeOffset now, double lifetimeSeconds)
    {
        List<AsyncReport> expired;
        lock (_gate)
            expired = _reports.Values.Where(r => !r.Discarded && (now - r.CreatedAt).TotalSeconds > lifetimeSeconds).ToList();
        foreach (var report in expired) Discard(report);
    }

    /// <summary>Deletes every prepared file (the emulator stops).</summary>
    public void Dispose()
    {
        List<AsyncReport> all;
        lock (_gate) all = _reports.Values.ToList();
        foreach (var report in all) Discard(report);
        Folder.Dispose();
    }

    private static void Discard(AsyncReport report)
    {
        report.Discarded = true;
        // A file still being prepared is deleted as soon as it is done.
        report.File?.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
