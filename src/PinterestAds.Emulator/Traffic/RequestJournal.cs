namespace PinterestAds.Emulator.Traffic;

/// <summary>
/// One request as the admin API reports it. Never holds header values or bodies; of a token request only
/// its non-secret fields (<see cref="TokenRequestFields"/>: grant_type, scope, continuous_refresh), never codes or tokens.
/// <see cref="Status"/> is 0 while no response has started (the request is still being served, or the client left first).
/// </summary>
public sealed record JournalEntry(
    long Sequence, DateTimeOffset Timestamp, string Host, string Method, string Path, string QueryString,
    int Status, bool HadAuthorization, string? OperationId, string? RateLimitCategory, string RequestId,
    IReadOnlyDictionary<string, string>? TokenRequest = null)
{
    /// <summary>The fields of POST /oauth/token that may be journaled: none of them is a secret.</summary>
    public static readonly IReadOnlyList<string> TokenRequestFields = new[] { "grant_type", "scope", "continuous_refresh" };

    /// <summary>Where the token endpoint leaves those fields for the journal (HttpContext.Items).</summary>
    public const string TokenRequestItem = "journal.token-request";
}

/// <summary>
/// The requests both listeners received, in arrival order (bounded). A request is entered when it arrives and
/// given its status before its response starts (<see cref="JournaledRequest"/>), so whoever has seen any byte
/// of an answer finds its request here: tests read the journal without waiting.
/// </summary>
internal sealed class RequestJournal
{
    private const int Capacity = 20000;
    private readonly object _gate = new();
    private readonly LinkedList<Slot> _entries = new();
    private long _sequence;

    /// <summary>Enters a request that just arrived (status 0); <see cref="Complete"/> gives it its status.</summary>
    public Slot Open(Func<long, JournalEntry> entryForSequence)
    {
        lock (_gate)
        {
            var slot = new Slot(entryForSequence(++_sequence));
            _entries.AddLast(slot);
            if (_entries.Count > Capacity) _entries.RemoveFirst();
            return slot;
        }
    }

    /// <summary>Records the status the response started with; only the first call counts.</summary>
    public void Complete(Slot slot, int status, IReadOnlyDictionary<string, string>? tokenRequest)
    {
        lock (_gate)
        {
            if (slot.Completed) return;
            slot.Completed = true;
            slot.Entry = slot.Entry with { Status = status, TokenRequest = tokenRequest };
        }
    }

    public IReadOnlyList<JournalEntry> Snapshot()
    {
        lock (_gate) return _entries.Select(s => s.Entry).ToList();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>A journal place; changed only under the journal's lock.</summary>
    internal sealed class Slot
    {
        public Slot(JournalEntry entry) => Entry = entry;
        public JournalEntry Entry { get; set; }
        public bool Completed { get; set; }
    }
}
