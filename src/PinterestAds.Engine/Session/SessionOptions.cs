using System;
using System.Collections.Generic;
using PinterestAds.Engine.Http;

namespace PinterestAds.Engine.Session
{
    /// <summary>Everything about a session except its secrets.</summary>
    internal sealed class SessionOptions
    {
        public PinEnvironment Environment { get; set; } = PinEnvironment.Production;

        public Uri ApiBaseUri { get; set; } = ApiEndpoints.Production;

        public string? DefaultAdAccountId { get; set; }

        public RetryPolicy Retry { get; set; } = new RetryPolicy();

        /// <summary>How long one cmdlet-level call may take in all, retries included.</summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Client-side budgets per rate-limit category, per minute; unset categories use the documented ones.</summary>
        public IReadOnlyDictionary<string, int>? RequestsPerMinute { get; set; }

        public int RequestsPerSecond { get; set; } = Api.ApiLimits.OverallPerSecond;

        /// <summary>
        /// The session's clock and timers: retry backoff, rate-budget windows, report polling, token expiry, job
        /// timestamps, "today" (<c>ApiDates.Today</c>) and Sync-PinAnalytics' run timestamps all read and wait on
        /// it, so a test moves time instead of waiting for it. (The per-request and per-operation timeouts,
        /// <see cref="RetryPolicy.RequestTimeout"/> and <see cref="OperationTimeout"/>, and a download's idle
        /// timeout stay on the system clock: a timeout races the work it bounds, and a test clock that fires
        /// every timer at once would fire it first.)
        /// </summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>Seeds the session's retry and polling jitter (<see cref="Jitter"/>); null draws a fresh seed.</summary>
        public int? JitterSeed { get; set; }

        /// <summary>Replaces the socket-level handler (tests only); null uses HttpClientHandler.</summary>
        internal Func<System.Net.Http.HttpMessageHandler>? PrimaryHandlerForTests { get; set; }

        /// <summary>Product and platform, e.g. "PinterestAds/0.1.0 PowerShell/7.6.9".</summary>
        public string UserAgent { get; set; } = "PinterestAds";
    }
}
