namespace PinterestAds.Emulator.Traffic;

/// <summary>
/// One request as the admin API reports it. Never holds header values or bodies; of a token request only
/// its non-secret fields (<see cref="TokenRequestFields"/>: grant_type, scope, continuous_refresh), never codes or tokens.
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

/// <summary>The requests both listeners received, newest last (bounded).</summary>
internal sealed class RequestJournal
{
    private const int Capacity = 20000;
    private readonly object _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.AddLast(entry);
            if (_entries.Count > Capacity) _entries.RemoveFirst();
        }
    }

    public IReadOnlyList<JournalEntry> Snapshot()
    {
        lock (_gate) return _entries.ToList();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
