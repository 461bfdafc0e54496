using PinterestAds.Engine.Internal;

namespace PinterestAds.Engine.Tests.Internal;

/// <summary>
/// The per-day cache behind the day texts, the day boxes of received rows and the export wrappers of dates: it may
/// forget a day, but never answers with another day's (or another kind's) value.
/// </summary>
public sealed class DaySlotsTests
{
    [Fact]
    public void A_kept_day_is_found_until_a_day_of_the_same_slot_takes_its_place()
    {
        var slots = new DaySlots<string>();
        var day = new DateTime(2026, 11, 28);
        Assert.Null(slots.Find(day));
        Assert.Equal("a", slots.Keep(day, "a"));
        Assert.Equal("a", slots.Find(new DateTime(2026, 11, 28)));

        // 1024 days apart: the same slot.
        slots.Keep(day.AddDays(1024), "b");
        Assert.Null(slots.Find(day));
        Assert.Equal("b", slots.Find(day.AddDays(1024)));
    }

    [Fact]
    public void Another_kind_or_time_of_the_same_day_is_not_the_kept_one()
    {
        var slots = new DaySlots<string>();
        var day = new DateTime(2026, 11, 28);
        slots.Keep(day, "unspecified");
        Assert.Null(slots.Find(DateTime.SpecifyKind(day, DateTimeKind.Utc)));
        Assert.Null(slots.Find(day.AddHours(5)));
        Assert.Equal("unspecified", slots.Find(day));
    }
}
