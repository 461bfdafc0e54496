using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Engine.Sync
{
    /// <summary>One landed day of one account: how many rows, whether they were final, when and by which run.</summary>
    internal sealed class SyncDayState
    {
        public SyncDayState(DateTime date, int rows, bool final, DateTimeOffset landedAt, string runId)
        {
            Date = date.Date;
            Rows = rows;
            Final = final;
            LandedAt = landedAt;
            RunId = runId;
        }

        public DateTime Date { get; }
        public int Rows { get; }

        /// <summary>Whether every metric of the day was final (metrics ready state) when it was landed.</summary>
        public bool Final { get; }
        public DateTimeOffset LandedAt { get; }
        public string RunId { get; }
    }

    /// <summary>
    /// What a destination knows about one account under its definition: the days landed, and the last
    /// run (its id, the API date it ran on, whether it finished). It lives in the destination itself (a
    /// state table, or the state file of a CSV folder), written together with the data it describes.
    /// </summary>
    internal sealed class SyncAccountState
    {
        public SyncAccountState(string adAccountId)
        {
            AdAccountId = adAccountId;
        }

        public string AdAccountId { get; }
        public Dictionary<DateTime, SyncDayState> Days { get; } = new Dictionary<DateTime, SyncDayState>();

        public string? LastRunId { get; set; }

        /// <summary>The API's "today" (UTC) when the last run started.</summary>
        public DateTime? LastRunDate { get; set; }
        public DateTimeOffset? LastRunStarted { get; set; }

        /// <summary>A run state is written only once the runner has stamped its start (on the session's clock).</summary>
        internal static InvalidOperationException StartMissing() =>
            new InvalidOperationException("A sync run state is written without its start time; the runner stamps it before every write.");
        public DateTimeOffset? LastRunFinished { get; set; }

        /// <summary>Succeeded, Failed or Running (a run that never finished: it was killed).</summary>
        public string? LastStatus { get; set; }
        public string? LastMessage { get; set; }

        public bool IsEmpty => Days.Count == 0 && LastRunId == null;

        /// <summary>The days landed by the run <paramref name="runId"/> (a killed run being resumed).</summary>
        public ISet<DateTime> DaysLandedBy(string? runId) =>
            runId == null ? new HashSet<DateTime>() : new HashSet<DateTime>(Days.Values.Where(d => d.RunId == runId).Select(d => d.Date));
    }

    /// <summary>The statuses an account's run records.</summary>
    internal static class SyncStatuses
    {
        /// <summary>The state record of the run as a whole (not an account): lets a rerun resume a killed run.</summary>
        public const string RunRecord = "*";

        public const string Running = "Running";
        public const string Succeeded = "Succeeded";
        public const string Failed = "Failed";
        public const string Planned = "Planned";
        public const string UpToDate = "UpToDate";
    }
}
