using PinterestAds.Emulator.Auth;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Emulator.Reports;
using PinterestAds.Emulator.Store;
using PinterestAds.Emulator.Traffic;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Hosting;

/// <summary>Everything one running emulator shares between its two listeners.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Time = TimeProvider.System;
        var startDay = options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        _todayDayNumber = startDay.DayNumber;
        // The world (entities, start days, timestamps) is laid out once, around the first "today".
        World = WorldGenerator.Generate(options, startDay);
        Generator = new MetricGenerator(World.Seed, options.ActivityRate, () => Today);
        Rows = new RowSource(World, Generator);
        Tokens = new TokenRegistry(() => Options, Time);
        RateLimiter = new RateLimiter(() => Options, Time);
        Faults = new FaultInjector(options.Seed, options.Faults);
    }

    /// <summary>Live options: the admin API changes the behavioural ones in place.</summary>
    public EmulatorOptions Options { get; }
    public TimeProvider Time { get; }
    private int _todayDayNumber;

    /// <summary>
    /// The emulator's "today" (UTC): set at start, moved forward by the admin API (<c>POST /_emulator/today</c>)
    /// to simulate nights passing; data, lookback windows, late conversions and the ready state follow it.
    /// </summary>
    public DateOnly Today => DateOnly.FromDayNumber(Volatile.Read(ref _todayDayNumber));

    /// <summary>Moves "today" forward (never back: what was final stays final).</summary>
    public void MoveTodayTo(DateOnly day)
    {
        if (day < Today) throw new ArgumentException($"today can only move forward: it is {Today:yyyy-MM-dd}, {day:yyyy-MM-dd} is earlier.");
        Volatile.Write(ref _todayDayNumber, day.DayNumber);
    }
    public AdWorld World { get; }
    public MetricGenerator Generator { get; }
    public RowSource Rows { get; }
    public TokenRegistry Tokens { get; }
    public RateLimiter RateLimiter { get; }
    public FaultInjector Faults { get; }
    public RequestJournal Journal { get; } = new();
    public AsyncReportRegistry Reports { get; } = new();
    public BulkRegistry Bulk { get; } = new();
    public LinkSigner Links { get; } = new();
    /// <summary>Base of the object-store listener, known once it is bound.</summary>
    public Uri StoreBaseUri { get; set; } = new("http://127.0.0.1/");

    private long _idCounter;

    /// <summary>A fresh unique id for report tokens and bulk requests.</summary>
    public string NextId(string prefix) =>
        $"{prefix}{Interlocked.Increment(ref _idCounter):x4}{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}";
}
