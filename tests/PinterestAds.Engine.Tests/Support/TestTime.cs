namespace PinterestAds.Engine.Tests.Support;

/// <summary>
/// A <see cref="TimeProvider"/> for tests: time moves only when the test (or a wait) moves it, so no
/// test waits on the wall clock. With <c>autoAdvance</c> every timer (Task.Delay through the provider)
/// moves the clock by its due time and fires at once: waits take no real time, yet the code sees them
/// pass. Without it, a timer fires when <see cref="Advance"/> passes its due time.
/// </summary>
internal sealed class TestTime : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;

    public TestTime(bool autoAdvance = true, DateTimeOffset? start = null)
    {
        AutoAdvance = autoAdvance;
        _start = _now = start ?? new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    }

    public bool AutoAdvance { get; }

    /// <summary>How far the clock has moved since the start.</summary>
    public TimeSpan Elapsed
    {
        get { lock (_gate) return _now - _start; }
    }

    /// <summary>The timers created so far (each Task.Delay through this provider is one).</summary>
    public int TimersCreated { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due) _timers.Remove(timer);
        }
        foreach (var timer in due) timer.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) TimersCreated++;
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return;
        if (AutoAdvance)
        {
            lock (_gate) _now += dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime;
            ThreadPool.QueueUserWorkItem(_ => timer.Fire());
            return;
        }
        lock (_gate)
        {
            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
        }
        if (dueTime <= TimeSpan.Zero) Advance(TimeSpan.Zero);
    }

    private void Cancel(ManualTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly TestTime _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _disposed;

        public ManualTimer(TestTime owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed) != 0) return false;
            _owner.Cancel(this);
            _owner.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (Volatile.Read(ref _disposed) == 0) _callback(_state);
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _disposed, 1);
            _owner.Cancel(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
