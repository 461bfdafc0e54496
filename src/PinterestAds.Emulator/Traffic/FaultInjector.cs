namespace PinterestAds.Emulator.Traffic;

/// <summary>Holds the active fault rules and decides, per request, which ones fire.</summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();
    private Random _random;
    private readonly int _seed;

    public FaultInjector(int seed, IEnumerable<FaultRule> initial)
    {
        _seed = seed;
        _random = new Random(seed);
        foreach (var rule in initial) Add(rule);
    }

    public void Add(FaultRule rule)
    {
        if (!FaultRule.Kinds.Contains(rule.Kind))
            throw new ArgumentException($"Fault kind '{rule.Kind}' is unknown; use one of {string.Join(", ", FaultRule.Kinds)}.");
        if (rule.Kind == "status" && rule.Status is not (500 or 502 or 503 or 429 or 400 or 401 or 403 or 404))
            throw new ArgumentException($"Fault status {rule.Status} is not supported; use 500, 502, 503 or 429 (or 400/401/403/404).");
        if (rule.Count is null && rule.Probability is null) rule.Count = 1;
        if (rule.Probability is < 0 or > 1) throw new ArgumentException("Fault probability must be between 0 and 1.");
        lock (_gate) _rules.Add(rule.Clone());
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = new Random(_seed);
        }
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_gate) return _rules.Select(r => r.Clone()).ToList();
    }

    /// <summary>The rules that fire for this request (consuming counts). <paramref name="target"/> is the operationId or "store".</summary>
    public List<FaultRule> Match(string target)
    {
        var fired = new List<FaultRule>();
        lock (_gate)
        {
            foreach (var rule in _rules.ToList())
            {
                var applies = rule.Target == target || (rule.Target == "*" && target != "store");
                if (!applies) continue;
                if (rule.Count is { } count)
                {
                    if (count <= 0) continue;
                    rule.Count = count - 1;
                    if (rule.Count == 0) _rules.Remove(rule);
                    fired.Add(rule.Clone());
                }
                else if (_random.NextDouble() < rule.Probability)
                {
                    fired.Add(rule.Clone());
                }
            }
        }
        return fired;
    }
}
