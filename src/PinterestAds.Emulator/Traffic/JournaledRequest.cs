using Microsoft.AspNetCore.Http;

namespace PinterestAds.Emulator.Traffic;

/// <summary>
/// Journals one request of either listener: entered when it arrives, completed with its status when the
/// response starts (Response.OnStarting, before the first byte goes out) or, when no response ever starts
/// (the client left, a fault aborted the connection), when the pipeline ends. The journal therefore never
/// lags behind what a client has seen.
/// </summary>
internal sealed class JournaledRequest
{
    private readonly RequestJournal _journal;
    private readonly RequestJournal.Slot _slot;
    private readonly HttpContext _context;

    private JournaledRequest(RequestJournal journal, RequestJournal.Slot slot, HttpContext context)
    {
        _journal = journal;
        _slot = slot;
        _context = context;
    }

    public static JournaledRequest Begin(HttpContext context, RequestJournal journal, DateTimeOffset arrived, string host,
        string requestId, string? operationId = null, string? rateLimitCategory = null)
    {
        var request = context.Request;
        var slot = journal.Open(sequence => new JournalEntry(sequence, arrived, host, request.Method, request.Path.Value ?? "/",
            request.QueryString.Value ?? "", 0, request.Headers.ContainsKey("Authorization"), operationId, rateLimitCategory, requestId));
        var journaled = new JournaledRequest(journal, slot, context);
        context.Response.OnStarting(() =>
        {
            journaled.Complete();
            return Task.CompletedTask;
        });
        return journaled;
    }

    /// <summary>Records the response's status (and a token request's non-secret fields); later calls change nothing.</summary>
    public void Complete() =>
        _journal.Complete(_slot, _context.Response.StatusCode, _context.Items[JournalEntry.TokenRequestItem] as IReadOnlyDictionary<string, string>);
}
