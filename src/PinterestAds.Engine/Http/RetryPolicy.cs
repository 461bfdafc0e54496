using System;

namespace PinterestAds.Engine.Http
{
    /// <summary>How hard the engine tries before giving up, and how long it is willing to wait.</summary>
    internal sealed class RetryPolicy
    {
        /// <summary>Retries after the first attempt, for 429, 5xx and network faults.</summary>
        public int MaxRetries { get; set; } = 5;

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The longest server-advertised wait (Retry-After, X-RateLimit-Reset) we sleep through. A longer
        /// one (a daily limit, about 18 hours) fails fast with <see cref="PinterestRateLimitException"/>.
        /// </summary>
        public TimeSpan MaxServerDelay { get; set; } = TimeSpan.FromSeconds(90);

        /// <summary>How long one attempt may take, from sending to the end of the response headers.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Exponential backoff with full jitter between half and all of the step.</summary>
        public TimeSpan Backoff(int retry, Jitter jitter)
        {
            double step = Math.Min(MaxBackoff.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1)));
            double jittered = step * (0.5 + 0.5 * jitter.NextDouble());
            return TimeSpan.FromMilliseconds(jittered);
        }
    }
}
