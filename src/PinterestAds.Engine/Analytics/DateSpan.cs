using System;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>One date range a single call covers (inclusive, UTC calendar dates).</summary>
    internal readonly struct DateSpan
    {
        public DateSpan(DateTime start, DateTime end)
        {
            Start = start;
            End = end;
        }

        public DateTime Start { get; }
        public DateTime End { get; }
        public int Days => (int)(End - Start).TotalDays + 1;

        public override string ToString() => $"{ApiDates.Format(Start)}..{ApiDates.Format(End)}";
    }
}
