namespace PinterestAds.Engine.Sync
{
    /// <summary>
    /// Where a Sync-PinAnalytics run is, for its progress bar: the account of how many, and within it the API
    /// calls done of those its windows are planned to take (known once its entities are listed), and the window.
    /// </summary>
    internal sealed class SyncProgress
    {
        public SyncProgress(int account, int accounts, string adAccountId, int windowsDone, int windows, long callsDone, long callsPlanned)
        {
            Account = account;
            Accounts = accounts;
            AdAccountId = adAccountId;
            WindowsDone = windowsDone;
            Windows = windows;
            CallsDone = callsDone;
            CallsPlanned = callsPlanned;
        }

        /// <summary>1-based position of the account in the run.</summary>
        public int Account { get; }
        public int Accounts { get; }
        public string AdAccountId { get; }
        public int WindowsDone { get; }
        public int Windows { get; }
        public long CallsDone { get; }
        public long CallsPlanned { get; }

        /// <summary>The run's share done: whole accounts before this one, plus this one's calls.</summary>
        public int Percent
        {
            get
            {
                if (Accounts == 0) return 100;
                double within = CallsPlanned > 0 ? (double)System.Math.Min(CallsDone, CallsPlanned) / CallsPlanned : (Windows > 0 ? (double)WindowsDone / Windows : 0);
                return (int)(100 * ((Account - 1) + within) / Accounts);
            }
        }

        /// <summary>"Ad account 549... (2 of 3): 14 of 40 calls, 3 of 8 windows landed".</summary>
        public string Describe() =>
            $"Ad account {AdAccountId} ({Account} of {Accounts}): {CallsDone} of {CallsPlanned} calls, {WindowsDone} of {Windows} windows landed";
    }
}
