using System;

namespace PinterestAds.Engine.Internal
{
    /// <summary>
    /// One value per calendar day, for recent days: a slot per day number, taken over by a later day that
    /// maps to the same slot. A report repeats a few hundred days row after row, so what belongs to a day
    /// (its text, its box, its export wrapper) is made once and shared instead of once per row.
    /// </summary>
    /// <remarks>
    /// A slot holds an immutable entry (the day, its kind and its value): threads racing on a slot each leave
    /// a correct entry, and a lookup never answers with another day's value.
    /// </remarks>
    internal sealed class DaySlots<T> where T : class
    {
        private const int SlotCount = 1024;
        private readonly Entry?[] _slots = new Entry?[SlotCount];

        /// <summary>The value kept for <paramref name="day"/> (same ticks and kind), or null.</summary>
        public T? Find(DateTime day)
        {
            Entry? entry = _slots[SlotOf(day)];
            return entry != null && entry.Day.Ticks == day.Ticks && entry.Day.Kind == day.Kind ? entry.Value : null;
        }

        /// <summary>Keeps <paramref name="value"/> for <paramref name="day"/> (in place of the slot's earlier day) and returns it.</summary>
        public T Keep(DateTime day, T value)
        {
            _slots[SlotOf(day)] = new Entry(day, value);
            return value;
        }

        private static int SlotOf(DateTime day) => (int)((ulong)(day.Ticks / TimeSpan.TicksPerDay) % SlotCount);

        private sealed class Entry
        {
            public Entry(DateTime day, T value)
            {
                Day = day;
                Value = value;
            }

            public DateTime Day { get; }

            public T Value { get; }
        }
    }
}
