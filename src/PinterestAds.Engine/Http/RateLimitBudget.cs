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
    /// The client-side request budget of one session: a sliding window per <c>x-ratelimit-category</c>
    /// (requests in any 60 seconds) and one for all requests (requests in any second). Every request of
    /// the session, from any thread or runspace, takes a place in both windows before it is sent, so the
    /// session stays inside Pinterest's limits instead of discovering them through 429s. Unlike a token
    /// bucket that starts full and refills, no 60-second window ever holds more than the budget.
    /// </summary>
    internal sealed class RateLimitBudget
    {
        private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

        private readonly object _gate = new object();
        private readonly Dictionary<string, Window> _categories = new Dictionary<string, Window>(StringComparer.OrdinalIgnoreCase);
        private readonly Window _overall;
        private readonly int _defaultPerMinute;
        private readonly Func<TimeSpan> _now;

        public RateLimitBudget(IReadOnlyDictionary<string, int>? perMinute = null, int overallPerSecond = ApiLimits.OverallPerSecond,
            int defaultPerMinute = ApiLimits.AdsReadPerMinute)
            : this(perMinute, overallPerSecond, defaultPerMinute, null)
        {
        }

        /// <summary>With <paramref name="clock"/> (tests): the time since an arbitrary origin.</summary>
        internal RateLimitBudget(IReadOnlyDictionary<string, int>? perMinute, int overallPerSecond, int defaultPerMinute, Func<TimeSpan>? clock)
        {
            if (clock == null)
            {
                var stopwatch = Stopwatch.StartNew();
                clock = () => stopwatch.Elapsed;
            }
            _now = clock;
            _defaultPerMinute = defaultPerMinute;
            _overall = new Window(overallPerSecond, Second);
            var budgets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
            {
                ["ads_analytics"] = ApiLimits.AdsAnalyticsPerMinute,
                ["ads_read"] = ApiLimits.AdsReadPerMinute,
            };
            if (perMinute != null) foreach (var pair in perMinute) budgets[pair.Key] = pair.Value;
            foreach (var pair in budgets) _categories[pair.Key] = new Window(pair.Value, Minute);
        }

        /// <summary>
        /// Waits until both the category and the overall window have room, then takes a place in both. When
        /// the wait would be longer than <paramref name="maxWait"/> (the server said the budget is spent for
        /// hours), returns false at once instead of waiting.
        /// </summary>
        public async Task<bool> TryAcquireAsync(string category, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _now();
                    var window = CategoryWindow(category);
                    wait = Max(window.TimeUntilRoom(now), _overall.TimeUntilRoom(now));
                    if (wait <= TimeSpan.Zero)
                    {
                        window.Take(now);
                        _overall.Take(now);
                        return true;
                    }
                }
                if (wait > maxWait) return false;
                await Task.Delay(Max(wait, TimeSpan.FromMilliseconds(1)), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>How long until the category has room again (zero when it has room now).</summary>
        public TimeSpan TimeUntilAvailable(string category)
        {
            lock (_gate) return CategoryWindow(category).TimeUntilRoom(_now());
        }

        /// <summary>The server said the budget is spent until <paramref name="resetIn"/>: no room in the category until then.</summary>
        public void Exhaust(string category, TimeSpan resetIn)
        {
            lock (_gate)
            {
                var now = _now();
                CategoryWindow(category).BlockUntil(now + (resetIn > TimeSpan.Zero ? resetIn : TimeSpan.Zero));
            }
        }

        /// <summary>A snapshot for Get-PinSession: per category the budget and the places left in the current 60 seconds.</summary>
        public IReadOnlyList<RateLimitBudgetInfo> Snapshot()
        {
            lock (_gate)
            {
                var now = _now();
                return _categories.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new RateLimitBudgetInfo(p.Key, p.Value.Limit, p.Value.Remaining(now))).ToArray();
            }
        }

        private Window CategoryWindow(string category)
        {
            if (!_categories.TryGetValue(category, out var window))
                _categories[category] = window = new Window(_defaultPerMinute, Minute);
            return window;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        /// <summary>The send times of the last <see cref="Limit"/> requests: room when the oldest left the window.</summary>
        private sealed class Window
        {
            private readonly Queue<TimeSpan> _sent = new Queue<TimeSpan>();
            private readonly TimeSpan _length;
            private TimeSpan _blockedUntil = TimeSpan.MinValue;

            public Window(int limit, TimeSpan length)
            {
                Limit = Math.Max(1, limit);
                _length = length;
            }

            public int Limit { get; }

            public TimeSpan TimeUntilRoom(TimeSpan now)
            {
                Expire(now);
                var wait = _sent.Count < Limit ? TimeSpan.Zero : _sent.Peek() + _length - now;
                if (_blockedUntil > now && _blockedUntil - now > wait) wait = _blockedUntil - now;
                return wait;
            }

            public void Take(TimeSpan now)
            {
                _sent.Enqueue(now);
                while (_sent.Count > Limit) _sent.Dequeue();
            }

            public void BlockUntil(TimeSpan until)
            {
                if (until > _blockedUntil) _blockedUntil = until;
            }

            public int Remaining(TimeSpan now)
            {
                Expire(now);
                return _blockedUntil > now ? 0 : Limit - _sent.Count;
            }

            private void Expire(TimeSpan now)
            {
                while (_sent.Count > 0 && now - _sent.Peek() >= _length) _sent.Dequeue();
            }
        }
    }
}
