using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// The client-side request budget of one session: a token bucket per <c>x-ratelimit-category</c>
    /// (per minute) and one for all requests (per second). Every request of the session, from any
    /// thread or runspace, takes a token before it is sent, so the session stays inside Pinterest's
    /// limits instead of discovering them through 429s.
    /// </summary>
    internal sealed class RateLimitBudget
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, Bucket> _categories = new Dictionary<string, Bucket>(StringComparer.OrdinalIgnoreCase);
        private readonly Bucket _overall;
        private readonly int _defaultPerMinute;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public RateLimitBudget(IReadOnlyDictionary<string, int>? perMinute = null, int overallPerSecond = ApiLimits.OverallPerSecond,
            int defaultPerMinute = ApiLimits.AdsReadPerMinute)
        {
            _defaultPerMinute = defaultPerMinute;
            _overall = new Bucket(overallPerSecond, overallPerSecond, _clock.Elapsed);
            var budgets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
            {
                ["ads_analytics"] = ApiLimits.AdsAnalyticsPerMinute,
                ["ads_read"] = ApiLimits.AdsReadPerMinute,
            };
            if (perMinute != null) foreach (var pair in perMinute) budgets[pair.Key] = pair.Value;
            foreach (var pair in budgets) _categories[pair.Key] = new Bucket(pair.Value, pair.Value / 60.0, _clock.Elapsed);
        }

        /// <summary>
        /// Waits until both the category and the overall budget have a token, then takes them. When the
        /// wait would be longer than <paramref name="maxWait"/> (the server said the budget is spent for
        /// hours), returns false at once instead of waiting.
        /// </summary>
        public async Task<bool> TryAcquireAsync(string category, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock.Elapsed;
                    var bucket = CategoryBucket(category);
                    bucket.Refill(now);
                    _overall.Refill(now);
                    if (bucket.Tokens >= 1 && _overall.Tokens >= 1)
                    {
                        bucket.Tokens -= 1;
                        _overall.Tokens -= 1;
                        return true;
                    }
                    wait = Max(bucket.TimeToOneToken(), _overall.TimeToOneToken());
                }
                if (wait > maxWait) return false;
                await Task.Delay(Max(wait, TimeSpan.FromMilliseconds(1)), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>How long until the category has a token again (zero when it has one now).</summary>
        public TimeSpan TimeUntilAvailable(string category)
        {
            lock (_gate)
            {
                var bucket = CategoryBucket(category);
                bucket.Refill(_clock.Elapsed);
                return bucket.TimeToOneToken();
            }
        }

        /// <summary>Waits until both the category and the overall budget have a token, then takes them.</summary>
        public async Task AcquireAsync(string category, CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock.Elapsed;
                    var bucket = CategoryBucket(category);
                    bucket.Refill(now);
                    _overall.Refill(now);
                    if (bucket.Tokens >= 1 && _overall.Tokens >= 1)
                    {
                        bucket.Tokens -= 1;
                        _overall.Tokens -= 1;
                        return;
                    }
                    wait = Max(bucket.TimeToOneToken(), _overall.TimeToOneToken());
                }
                await Task.Delay(Max(wait, TimeSpan.FromMilliseconds(1)), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The server said the budget is spent until <paramref name="resetIn"/>: empty the bucket until then.</summary>
        public void Exhaust(string category, TimeSpan resetIn)
        {
            lock (_gate)
            {
                var bucket = CategoryBucket(category);
                bucket.Refill(_clock.Elapsed);
                // Negative tokens make the next token appear only after the reset.
                bucket.Tokens = Math.Min(bucket.Tokens, -resetIn.TotalSeconds * bucket.RatePerSecond + 1);
            }
        }

        /// <summary>A snapshot for Get-PinSession.</summary>
        public IReadOnlyList<RateLimitBudgetInfo> Snapshot()
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                return _categories.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
                {
                    p.Value.Refill(now);
                    return new RateLimitBudgetInfo(p.Key, (int)Math.Round(p.Value.Capacity), Math.Max(0, (int)Math.Floor(p.Value.Tokens)));
                }).ToArray();
            }
        }

        private Bucket CategoryBucket(string category)
        {
            if (!_categories.TryGetValue(category, out var bucket))
                _categories[category] = bucket = new Bucket(_defaultPerMinute, _defaultPerMinute / 60.0, _clock.Elapsed);
            return bucket;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private sealed class Bucket
        {
            private TimeSpan _lastRefill;

            public Bucket(double capacity, double ratePerSecond, TimeSpan now)
            {
                Capacity = capacity;
                RatePerSecond = ratePerSecond;
                Tokens = capacity;
                _lastRefill = now;
            }

            public double Capacity { get; }
            public double RatePerSecond { get; }
            public double Tokens { get; set; }

            public void Refill(TimeSpan now)
            {
                Tokens = Math.Min(Capacity, Tokens + (now - _lastRefill).TotalSeconds * RatePerSecond);
                _lastRefill = now;
            }

            public TimeSpan TimeToOneToken() =>
                Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - Tokens) / RatePerSecond);
        }
    }
}
