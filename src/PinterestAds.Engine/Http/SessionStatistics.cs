using System.Threading;

namespace PinterestAds.Engine.Http
{
    /// <summary>Counters of one session, updated from any thread.</summary>
    internal sealed class SessionStatistics
    {
        private long _requests;
        private long _retries;
        private long _refreshes;

        public long Requests => Interlocked.Read(ref _requests);
        public long Retries => Interlocked.Read(ref _retries);
        public long TokenRefreshes => Interlocked.Read(ref _refreshes);

        public void CountRequest() => Interlocked.Increment(ref _requests);
        public void CountRetry() => Interlocked.Increment(ref _retries);
        public void CountRefresh() => Interlocked.Increment(ref _refreshes);
    }
}
