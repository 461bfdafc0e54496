using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Sync
{
    /// <summary>
    /// A run of consecutive days pulled together and replaced together (inclusive UTC calendar dates):
    /// every row of the account in these days is deleted and the pulled rows inserted, in one step.
    /// </summary>
    internal readonly struct SyncWindow : IEquatable<SyncWindow>
    {
        public SyncWindow(DateTime start, DateTime end)
        {
            Start = start.Date;
            End = end.Date;
        }

        public DateTime Start { get; }
        public DateTime End { get; }
        public int Days => (int)(End - Start).TotalDays + 1;

        public IEnumerable<DateTime> Dates()
        {
            for (var d = Start; d <= End; d = d.AddDays(1)) yield return d;
        }

        public bool Contains(DateTime date) => date.Date >= Start && date.Date <= End;

        public bool Equals(SyncWindow other) => Start == other.Start && End == other.End;
        public override bool Equals(object? obj) => obj is SyncWindow w && Equals(w);
        public override int GetHashCode() => Start.GetHashCode() * 397 ^ End.GetHashCode();

        public override string ToString() => Start == End ? ApiDates.Format(Start) : $"{ApiDates.Format(Start)}..{ApiDates.Format(End)}";
    }
}
