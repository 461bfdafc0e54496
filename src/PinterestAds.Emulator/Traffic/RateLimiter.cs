namespace PinterestAds.Emulator.Traffic;

/// <summary>
/// Fixed-window budgets: per rate-limit category per minute, and overall per second, as Pinterest
/// documents them (per user per app). Budgets are read live from the options.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _minute = new(StringComparer.Ordinal);
    private (long Window, int Count) _second;
    private readonly Func<EmulatorOptions> _options;
    private readonly TimeProvider _time;

    public RateLimiter(Func<EmulatorOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    public sealed record Verdict(bool Allowed, int Limit, int Remaining, int ResetSeconds, string Scope);

    public int BudgetOf(string category)
    {
        var o = _options();
        return category switch
        {
            "ads_analytics" => o.AnalyticsRequestsPerMinute,
            "ads_read" => o.ReadRequestsPerMinute,
            _ => o.OtherRequestsPerMinute,
        };
    }

    public Verdict Check(string category)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var perSecond = _options().RequestsPerSecond;
        var perMinute = BudgetOf(category);
        lock (_gate)
        {
            var secondWindow = now / 1000;
            if (_second.Window != secondWindow) _second = (secondWindow, 0);
            if (_second.Count >= perSecond)
                return new Verdict(false, perSecond, 0, 1, "overall per second");

            var minuteWindow = now / 60000;
            var m = _minute.TryGetValue(category, out var existing) && existing.Window == minuteWindow ? existing : (minuteWindow, 0);
            var reset = (int)Math.Ceiling(((minuteWindow + 1) * 60000 - now) / 1000.0);
            if (m.Item2 >= perMinute)
                return new Verdict(false, perMinute, 0, reset, category + " per minute");

            _second = (secondWindow, _second.Count + 1);
            _minute[category] = (minuteWindow, m.Item2 + 1);
            return new Verdict(true, perMinute, perMinute - m.Item2 - 1, reset, category);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _minute.Clear();
            _second = default;
        }
    }
}
