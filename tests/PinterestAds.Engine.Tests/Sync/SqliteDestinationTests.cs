using PinterestAds.Engine.Sync;
using PinterestAds.Engine.Sync.Destinations;

namespace PinterestAds.Engine.Tests.Sync;

/// <summary>The SQLite destination on a temporary file: windows replace, state follows, mismatches and locks refuse.</summary>
public sealed class SqliteDestinationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pin-sqlite-" + Guid.NewGuid().ToString("N"));
    private string File => Path.Combine(_folder, "sync.sqlite");
    private static readonly SyncDefinition Definition =
        new(AnalyticsLevel.Campaign, new[] { "SPEND_IN_DOLLAR", "TOTAL_CONVERSIONS" }, Granularity.Day, Array.Empty<AnalyticsTargetingType>(), null, null, null, null);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static object?[] Row(string campaign, DateTime date, decimal spend, long? conversions, bool final) =>
        new object?[] { "1", "USD", "CAMPAIGN", campaign, date, spend, conversions, final };

    private static IReadOnlyList<SyncDayState> Days(SyncWindow window, int rows, bool final) =>
        window.Dates().Select(d => new SyncDayState(d, rows, final, DateTimeOffset.UtcNow, "run")).ToList();

    [Fact]
    public async Task AWindowIsReplacedNotAppendedAndItsStateFollows()
    {
        var day = new DateTime(2026, 6, 1);
        var window = new SyncWindow(day, day.AddDays(1));
        using (var destination = new SqliteDestination(File, null))
        {
            await destination.OpenAsync(Definition, readOnly: false, CancellationToken.None);
            Assert.Equal(0, await destination.ReplaceWindowAsync("1", window, new[] { Row("10", day, 1.5m, 2, false), Row("10", day.AddDays(1), 2.25m, null, false) }, Days(window, 1, false), CancellationToken.None));
            int replaced = await destination.ReplaceWindowAsync("1", window, new[] { Row("10", day, 1.75m, 3, true) }, Days(window, 1, true), CancellationToken.None);
            Assert.Equal(2, replaced);
            var state = await destination.ReadStateAsync("1", CancellationToken.None);
            Assert.Equal(2, state.Days.Count);
            Assert.All(state.Days.Values, d => Assert.True(d.Final));
            Assert.Empty((await destination.ReadStateAsync("2", CancellationToken.None)).Days);
        }
        using var reopened = new SqliteDestination(File, null);
        await reopened.OpenAsync(Definition, readOnly: true, CancellationToken.None);
        Assert.Equal(2, (await reopened.ReadStateAsync("1", CancellationToken.None)).Days.Count);
    }

    [Fact]
    public async Task AnotherDefinitionIsRefusedAndAnotherTableIsFine()
    {
        using (var destination = new SqliteDestination(File, null))
            await destination.OpenAsync(Definition, readOnly: false, CancellationToken.None);
        var other = new SyncDefinition(AnalyticsLevel.Campaign, new[] { "SPEND_IN_DOLLAR" }, Granularity.Day, Array.Empty<AnalyticsTargetingType>(), null, null, null, null);
        using (var destination = new SqliteDestination(File, null))
        {
            var ex = await Assert.ThrowsAsync<PinterestValidationException>(() => destination.OpenAsync(other, readOnly: false, CancellationToken.None));
            Assert.Equal("SyncDefinitionMismatch", ex.ErrorId);
        }
        using var second = new SqliteDestination(File, "spend_only");
        await second.OpenAsync(other, readOnly: false, CancellationToken.None);
    }

    [Fact]
    public async Task ASecondRunIsRefusedWhileTheFirstHoldsTheLock()
    {
        using var first = new SqliteDestination(File, null);
        await first.OpenAsync(Definition, readOnly: false, CancellationToken.None);
        using var second = new SqliteDestination(File, null);
        var ex = await Assert.ThrowsAsync<PinterestException>(() => second.OpenAsync(Definition, readOnly: false, CancellationToken.None));
        Assert.Equal("SyncDestinationLocked", ex.ErrorId);
    }

    [Fact]
    public async Task AFileThatIsNotADatabaseIsRefusedUntouched()
    {
        Directory.CreateDirectory(_folder);
        await System.IO.File.WriteAllTextAsync(File, "not a database, just text that is long enough to be read as a header");
        using var destination = new SqliteDestination(File, null);
        var ex = await Assert.ThrowsAsync<PinterestValidationException>(() => destination.OpenAsync(Definition, readOnly: false, CancellationToken.None));
        Assert.Equal("SyncDestinationNotSqlite", ex.ErrorId);
        Assert.StartsWith("not a database", await System.IO.File.ReadAllTextAsync(File));
    }
}
