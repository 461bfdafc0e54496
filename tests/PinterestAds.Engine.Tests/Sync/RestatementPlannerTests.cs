using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Sync;

namespace PinterestAds.Engine.Tests.Sync;

public sealed class RestatementPlannerTests
{
    private static readonly DateTime Today = new(2026, 6, 30);

    private sealed class Log : IPinLog
    {
        public List<string> Warnings { get; } = new();
        public bool IsVerboseEnabled => false;
        public bool IsDebugEnabled => false;
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) => Warnings.Add(message);
    }

    private static SyncAccountState Landed(DateTime from, DateTime to, Func<DateTime, bool>? final = null, string runId = "old")
    {
        var state = new SyncAccountState("1");
        for (var d = from; d <= to; d = d.AddDays(1)) state.Days[d] = new SyncDayState(d, 3, final?.Invoke(d) ?? true, DateTimeOffset.UtcNow, runId);
        return state;
    }

    private static AccountPlan Plan(SyncAccountState state, DateTime start, int restateDays, Granularity granularity = Granularity.Day, ISet<DateTime>? resumed = null, Log? log = null) =>
        RestatementPlanner.Plan(state, start, Today.AddDays(-1), restateDays, granularity, Today, resumed ?? new HashSet<DateTime>(), log ?? new Log());

    [Fact]
    public void FirstRunBackfillsEveryDayInOneWindow()
    {
        var plan = Plan(new SyncAccountState("1"), Today.AddDays(-20), 30);
        Assert.Equal(new[] { new SyncWindow(Today.AddDays(-20), Today.AddDays(-1)) }, plan.Windows);
        Assert.Equal(20, plan.NewDays);
        Assert.Equal(0, plan.RestatedDays);
    }

    private static AccountPlan PlanWithAsync(SyncAccountState state, DateTime start, int restateDays, Granularity granularity = Granularity.Day, Log? log = null) =>
        RestatementPlanner.Plan(state, start, Today.AddDays(-1), restateDays, granularity, Today, new HashSet<DateTime>(), log ?? new Log(), asyncReports: true);

    [Fact]
    public void WithoutAsyncReportsABackfillStartsAtTheSynchronousReachWithAWarning()
    {
        // The sandbox (and levels without an async report level) reach only as far as synchronous analytics.
        var log = new Log();
        var plan = Plan(new SyncAccountState("1"), Today.AddDays(-200), 30, log: log);
        Assert.Equal(Today.AddDays(-90), plan.Windows[0].Start);
        Assert.Contains(log.Warnings, w => w.Contains("90-day reach of synchronous analytics"));
        // 90 days up to yesterday fit one 90-day window.
        Assert.Single(plan.Windows);
    }

    [Fact]
    public void WithAsyncReportsABackfillReachesEveryDayFromTheStartWithoutAWarning()
    {
        var log = new Log();
        var plan = PlanWithAsync(new SyncAccountState("1"), Today.AddDays(-200), 30, log: log);
        Assert.Empty(log.Warnings);
        Assert.Equal(200, plan.NewDays);
        // The part beyond the synchronous lookback is one async window (186 days a report), cut where the synchronous one starts.
        Assert.Equal(new[] { new SyncWindow(Today.AddDays(-200), Today.AddDays(-91)), new SyncWindow(Today.AddDays(-90), Today.AddDays(-1)) }, plan.Windows);
    }

    [Fact]
    public void BeyondAsyncReachTheBackfillStartsAtTheAsyncLookbackWithAWarning()
    {
        var log = new Log();
        var plan = PlanWithAsync(new SyncAccountState("1"), Today.AddDays(-1000), 30, log: log);
        Assert.Equal(Today.AddDays(-914), plan.Windows[0].Start);
        Assert.Contains(log.Warnings, w => w.Contains("914-day reach of async reports"));
        Assert.Equal(914, plan.NewDays);
        Assert.All(plan.Windows.Where(w => w.End < Today.AddDays(-90)), w => Assert.True(w.Days <= 186));
        Assert.Equal(Today.AddDays(-91), plan.Windows.Single(w => w.Contains(Today.AddDays(-91))).End);
    }

    [Fact]
    public void HourlyBackfillsReachEightDaysEvenWithAsyncReports()
    {
        var log = new Log();
        var plan = PlanWithAsync(new SyncAccountState("1"), Today.AddDays(-30), 0, Granularity.Hour, log);
        Assert.Equal(Today.AddDays(-8), plan.Windows[0].Start);
        Assert.Contains(log.Warnings, w => w.Contains("8-day reach"));
    }

    [Fact]
    public void ANightlyRunAfterABackfillRestatesOnlyTheLastDays()
    {
        var state = Landed(Today.AddDays(-200), Today.AddDays(-2));
        var plan = PlanWithAsync(state, Today.AddDays(-200), 30);
        Assert.Equal(new[] { new SyncWindow(Today.AddDays(-30), Today.AddDays(-1)) }, plan.Windows);
        Assert.Equal(1, plan.NewDays);
        Assert.Equal(29, plan.RestatedDays);
    }

    [Fact]
    public void ANightlyRunRestatesTheLastDaysAndAddsYesterday()
    {
        var state = Landed(Today.AddDays(-40), Today.AddDays(-2));
        var plan = Plan(state, Today.AddDays(-40), 7);
        Assert.Equal(new[] { new SyncWindow(Today.AddDays(-7), Today.AddDays(-1)) }, plan.Windows);
        Assert.Equal(1, plan.NewDays);
        Assert.Equal(6, plan.RestatedDays);
    }

    [Fact]
    public void DaysLandedNotFinalAreDueWhateverRestateDaysSays()
    {
        var notFinal = Today.AddDays(-20);
        var state = Landed(Today.AddDays(-40), Today.AddDays(-1), d => d != notFinal);
        var plan = Plan(state, Today.AddDays(-40), 0);
        Assert.Equal(new[] { new SyncWindow(notFinal, notFinal) }, plan.Windows);
    }

    [Fact]
    public void NothingIsDueWhenEveryDayIsFinalAndRestateDaysIsZero()
    {
        var plan = Plan(Landed(Today.AddDays(-10), Today.AddDays(-1)), Today.AddDays(-10), 0);
        Assert.Empty(plan.Windows);
    }

    [Fact]
    public void DaysAKilledRunLandedAreNotPulledAgain()
    {
        var state = Landed(Today.AddDays(-10), Today.AddDays(-6), runId: "killed");
        var resumed = state.DaysLandedBy("killed");
        var plan = Plan(state, Today.AddDays(-10), 30, resumed: resumed);
        Assert.Equal(new[] { new SyncWindow(Today.AddDays(-5), Today.AddDays(-1)) }, plan.Windows);
        Assert.Equal(5, plan.ResumedDays);
    }

    [Fact]
    public void WindowsAreRunsOfConsecutiveDaysCutAtTheSpanOfOneCall()
    {
        var days = Enumerable.Range(0, 10).Select(i => Today.AddDays(-30 + i)).Concat(new[] { Today.AddDays(-5) }).ToList();
        var windows = RestatementPlanner.Windows(days, 3);
        Assert.Equal(new[]
        {
            new SyncWindow(Today.AddDays(-30), Today.AddDays(-28)), new SyncWindow(Today.AddDays(-27), Today.AddDays(-25)),
            new SyncWindow(Today.AddDays(-24), Today.AddDays(-22)), new SyncWindow(Today.AddDays(-21), Today.AddDays(-21)),
            new SyncWindow(Today.AddDays(-5), Today.AddDays(-5)),
        }, windows);
    }

    [Fact]
    public void HourlyWindowsReachEightDaysAndSpanThree()
    {
        var plan = Plan(new SyncAccountState("1"), Today.AddDays(-30), 0, Granularity.Hour);
        Assert.Equal(Today.AddDays(-8), plan.Windows[0].Start);
        Assert.All(plan.Windows, w => Assert.True(w.Days <= 3));
        Assert.Equal(8, plan.Windows.Sum(w => w.Days));
    }
}
