using PinterestAds.Engine.Sync;
using PinterestAds.Engine.Sync.Destinations;

namespace PinterestAds.Engine.Tests.Sync;

/// <summary>The day states as the PostgreSQL destination sends them to json_to_recordset.</summary>
public sealed class PostgresDaysJsonTests
{
    [Fact]
    public void DaysAreOneJsonArrayWithIsoDatesAndUtcMicrosecondLandingTimes()
    {
        var landed = new DateTimeOffset(2026, 12, 1, 23, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);
        var json = PostgresDestination.DaysJson(new[]
        {
            new SyncDayState(new DateTime(2026, 11, 28), 56, true, landed, "run \"1\""),
            new SyncDayState(new DateTime(2026, 11, 29), 0, false, landed, "run \"1\""),
        });
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var days = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, days.Length);
        Assert.Equal("2026-11-28", days[0].GetProperty("date").GetString());
        Assert.Equal(56, days[0].GetProperty("rows").GetInt32());
        Assert.True(days[0].GetProperty("final").GetBoolean());
        Assert.Equal("2026-12-01T21:30:15.123456Z", days[0].GetProperty("landed_at").GetString());
        Assert.Equal("run \"1\"", days[0].GetProperty("run_id").GetString());
        Assert.False(days[1].GetProperty("final").GetBoolean());
        Assert.Equal("[]", PostgresDestination.DaysJson(Array.Empty<SyncDayState>()));
    }
}
