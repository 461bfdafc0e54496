using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds
{
    /// <summary>What one run of <c>Sync-PinAnalytics</c> did for one ad account (or, with -WhatIf, would do).</summary>
    public sealed class PinSyncAccountResult
    {
        internal PinSyncAccountResult(string adAccountId) => AdAccountId = adAccountId;

        public string AdAccountId { get; }
        public string? Currency { get; internal set; }

        /// <summary>Succeeded, UpToDate (nothing was due), Failed, or Planned (-WhatIf).</summary>
        public string Status { get; internal set; } = "";

        /// <summary>The windows (runs of days) pulled, or due with -WhatIf: "2026-11-01..2026-11-30" (joined with "|" in CSV).</summary>
        public PinSyncWindows Windows { get; internal set; } = PinSyncWindows.None;

        public int WindowsPulled { get; internal set; }

        /// <summary>Days never landed before.</summary>
        public int NewDays { get; internal set; }

        /// <summary>Landed days pulled again (not final when landed, or inside -RestateDays).</summary>
        public int RestatedDays { get; internal set; }

        /// <summary>Days a killed run of the same day had already landed, not pulled again.</summary>
        public int ResumedDays { get; internal set; }

        public long RowsWritten { get; internal set; }

        /// <summary>Rows deleted because their days were replaced.</summary>
        public long RowsReplaced { get; internal set; }

        /// <summary>Days landed whose metrics were not final yet (they are restated on a later run).</summary>
        public int NotFinalDays { get; internal set; }

        /// <summary>Time spent writing into the destination (deleting and inserting windows, their state).</summary>
        public TimeSpan LandingTime { get; internal set; }

        /// <summary>API requests sent for this account (with -WhatIf: the requests the plan would send).</summary>
        public long Requests { get; internal set; }

        /// <summary>What the next run will pull for this account, as things stand.</summary>
        public string? NextDue { get; internal set; }

        public string? ErrorId { get; internal set; }
        public string? Error { get; internal set; }

        public override string ToString() => $"{AdAccountId} {Status}: {WindowsPulled} window(s), {RowsWritten} row(s)" + (Error != null ? $" - {Error}" : "");
    }

    /// <summary>The one object a run of <c>Sync-PinAnalytics</c> ends with: per account, and the totals.</summary>
    public sealed class PinSyncSummary
    {
        internal PinSyncSummary(string destination, DateTime today, bool whatIf, IReadOnlyList<PinSyncAccountResult> accounts, long sharedRequests, TimeSpan duration)
        {
            Destination = destination;
            Today = today;
            WhatIf = whatIf;
            Accounts = accounts.ToArray();
            SharedRequests = sharedRequests;
            Duration = duration;
        }

        /// <summary>The destination (a PostgreSQL destination is named by host, port, database and user, never its password).</summary>
        public string Destination { get; }

        /// <summary>The UTC date the run planned from.</summary>
        public DateTime Today { get; }

        public bool WhatIf { get; }
        public PinSyncAccountResult[] Accounts { get; }

        public int Succeeded => Accounts.Count(a => a.Status == Engine.Sync.SyncStatuses.Succeeded || a.Status == Engine.Sync.SyncStatuses.UpToDate);
        public int Failed => Accounts.Count(a => a.Status == Engine.Sync.SyncStatuses.Failed);
        public int WindowsPulled => Accounts.Sum(a => a.WindowsPulled);
        public long RowsWritten => Accounts.Sum(a => a.RowsWritten);
        public long RowsReplaced => Accounts.Sum(a => a.RowsReplaced);

        /// <summary>Time spent writing into the destination, all accounts together.</summary>
        public TimeSpan LandingTime => TimeSpan.FromTicks(Accounts.Sum(a => a.LandingTime.Ticks));

        /// <summary>Requests not tied to one account: listing the accounts, metrics ready state, the metric catalogue.</summary>
        public long SharedRequests { get; }

        /// <summary>Every API request of the run (or, with -WhatIf, of the plan).</summary>
        public long Requests => SharedRequests + Accounts.Sum(a => a.Requests);

        public TimeSpan Duration { get; }

        public override string ToString() => $"{Destination}: {Succeeded} account(s) synced, {Failed} failed, {RowsWritten} row(s) written, {Requests} request(s)";
    }
}
