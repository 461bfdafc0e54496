namespace PinterestAds.Emulator.Traffic;

/// <summary>One request as the admin API reports it. Never holds header values or bodies.</summary>
public sealed record JournalEntry(
    long Sequence, DateTimeOffset Timestamp, string Host, string Method, string Path, string QueryString,
    int Status, bool HadAuthorization, string? OperationId, string? RateLimitCategory, string RequestId);

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
