using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

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
        /// <c>X-RateLimit-Reset</c> (seconds until the budget resets). Null when neither is present.
        /// </summary>
        public static TimeSpan? RetryDelay(HttpResponseMessage response, DateTimeOffset now)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta) return delta;
            if (retryAfter?.Date is DateTimeOffset date) return date > now ? date - now : TimeSpan.Zero;
            string? reset = Get(response, RateLimitReset);
            if (reset != null && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
            {
                // Some services send an epoch time instead of seconds; anything that large is one.
                if (seconds > 1_000_000_000) return DateTimeOffset.FromUnixTimeSeconds((long)seconds) - now;
                return TimeSpan.FromSeconds(seconds);
            }
            return null;
        }

        public static int? IntHeader(HttpResponseMessage response, string name) =>
            int.TryParse(Get(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;
    }
}
