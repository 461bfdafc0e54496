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

    private List<object?[]> Query(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={File};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (int i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(values);
        }
        return rows;
    }

    [Fact]
    public async Task ThePreparedInsertStoresEachKindAsItsColumnSays()
    {
        var day = new DateTime(2026, 6, 1);
        var window = new SyncWindow(day, day);
        using (var destination = new SqliteDestination(File, null))
        {
            await destination.OpenAsync(Definition, readOnly: false, CancellationToken.None);
            await destination.ReplaceWindowAsync("1", window, new[]
            {
                Row("10", day, 1.25m, 7, true),
                new object?[] { "1", null, "CAMPAIGN", "11", day, -0.5m, 3m, false },
            }, Days(window, 2, true), CancellationToken.None);
        }
        var rows = Query("SELECT CAMPAIGN_ID, typeof(DATE), DATE, typeof(SPEND_IN_DOLLAR), SPEND_IN_DOLLAR, typeof(TOTAL_CONVERSIONS), TOTAL_CONVERSIONS, MetricsFinal, typeof(Currency) FROM pin_analytics ORDER BY CAMPAIGN_ID");
        Assert.Equal(new object?[] { "10", "text", "2026-06-01", "real", 1.25, "integer", 7L, 1L, "text" }, rows[0]);
        // A null stays NULL; an integral decimal in an integer column is an integer.
        Assert.Equal(new object?[] { "11", "text", "2026-06-01", "real", -0.5, "integer", 3L, 0L, "null" }, rows[1]);
    }

    [Fact]
    public async Task HourlyRowsStoreTheirHourAsIsoText()
    {
        var hourly = new SyncDefinition(AnalyticsLevel.Campaign, new[] { "SPEND_IN_DOLLAR" }, Granularity.Hour, Array.Empty<AnalyticsTargetingType>(), null, null, null, null);
        var day = new DateTime(2026, 6, 1);
        var window = new SyncWindow(day, day);
        using (var destination = new SqliteDestination(File, null))
        {
            await destination.OpenAsync(hourly, readOnly: false, CancellationToken.None);
            await destination.ReplaceWindowAsync("1", window, new[]
            {
                new object?[] { "1", "USD", "CAMPAIGN", "10", day.AddHours(9), 1m, true },
                new object?[] { "1", "USD", "CAMPAIGN", "10", day.AddHours(23), 2m, true },
            }, Days(window, 2, true), CancellationToken.None);
        }
        var rows = Query("SELECT DATE FROM pin_analytics ORDER BY DATE");
        Assert.Equal(new[] { "2026-06-01 09:00:00", "2026-06-01 23:00:00" }, rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task AWindowThatFailsHalfwayLeavesTheOldWindowAndTheNextOneStillLands()
    {
        var day = new DateTime(2026, 6, 1);
        var window = new SyncWindow(day, day);
        using var destination = new SqliteDestination(File, null);
        await destination.OpenAsync(Definition, readOnly: false, CancellationToken.None);
        await destination.ReplaceWindowAsync("1", window, new[] { Row("10", day, 1m, 1, false) }, Days(window, 1, false), CancellationToken.None);

        // The same key twice: the insert fails after the delete and the first row; the transaction rolls all of it back.
        var duplicate = new[] { Row("10", day, 2m, 2, true), Row("20", day, 2m, 2, true), Row("20", day, 3m, 3, true) };
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => destination.ReplaceWindowAsync("1", window, duplicate, Days(window, 3, true), CancellationToken.None));
        Assert.Equal(new object?[] { "10", 1.0 }, Assert.Single(Query("SELECT CAMPAIGN_ID, SPEND_IN_DOLLAR FROM pin_analytics")));
        Assert.False(Assert.Single((await destination.ReadStateAsync("1", CancellationToken.None)).Days.Values).Final);

        // The prepared statement is reused after the failure.
        Assert.Equal(1, await destination.ReplaceWindowAsync("1", window, new[] { Row("10", day, 4m, 4, true), Row("20", day, 5m, 5, true) }, Days(window, 2, true), CancellationToken.None));
        Assert.Equal(2, Query("SELECT * FROM pin_analytics").Count);
        Assert.True(Assert.Single((await destination.ReadStateAsync("1", CancellationToken.None)).Days.Values).Final);
    }
}
