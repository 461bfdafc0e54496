using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Http
{
    /// <summary>Reads the headers Pinterest uses for request ids and rate limits.</summary>
    internal static class ResponseHeaders
    {
        public const string RequestId = "x-pinterest-rid";
        public const string RateLimitReset = "X-RateLimit-Reset";
        public const string RateLimitRemaining = "X-RateLimit-Remaining";
        public const string RateLimitLimit = "X-RateLimit-Limit";

        public static string? Get(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        public static string? RequestIdOf(HttpResponseMessage response) => Get(response, RequestId);

        /// <summary>
        /// How long the server asks us to wait: <c>Retry-After</c> (seconds or a date) or
        /// <c>X-RateLimit-Reset</c> (seconds until the budget resets, or an epoch time). Null when neither is
        /// present or readable. Never negative (a reset in the past - clock skew - is zero) and never more
        /// than <see cref="ApiLimits.LongestAdvertisedDelay"/> (1e300 seconds reads as that, which every
        /// wait cap refuses): whatever the header says, the result is a usable delay.
        /// </summary>
        public static TimeSpan? RetryDelay(HttpResponseMessage response, DateTimeOffset now)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta) return Clamp(delta.TotalSeconds);
            if (retryAfter?.Date is DateTimeOffset date) return Clamp((date - now).TotalSeconds);
            string? reset = Get(response, RateLimitReset);
            if (reset != null && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && !double.IsNaN(seconds))
            {
                // Some services send an epoch time instead of seconds; anything that large is one.
                if (seconds > 1_000_000_000 && seconds < 100_000_000_000) return Clamp(seconds - now.ToUnixTimeMilliseconds() / 1000.0);
                return Clamp(seconds);
            }
            return null;
        }

        /// <summary>Seconds as a delay between zero and <see cref="ApiLimits.LongestAdvertisedDelay"/>.</summary>
        public static TimeSpan Clamp(double seconds)
        {
            if (double.IsNaN(seconds) || seconds <= 0) return TimeSpan.Zero;
            return seconds >= ApiLimits.LongestAdvertisedDelay.TotalSeconds ? ApiLimits.LongestAdvertisedDelay : TimeSpan.FromSeconds(seconds);
        }
    }
}
