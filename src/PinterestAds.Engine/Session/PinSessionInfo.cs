using System;
using System.Collections.Generic;

namespace PinterestAds
{
    /// <summary>A secret-free view of a session, as Get-PinSession shows it.</summary>
    public sealed class PinSessionInfo
    {
        internal PinSessionInfo(PinterestSession session)
        {
            Environment = session.Environment;
            ApiBaseUri = session.ApiBaseUri;
            DefaultAdAccountId = session.DefaultAdAccountId;
            ConnectedAt = session.ConnectedAt;
            AccessTokenExpiresAt = session.AccessTokenExpiresAt;
            RefreshTokenExpiresAt = session.RefreshTokenExpiresAt;
            CanRefresh = session.CanRefresh;
            RequestCount = session.Statistics.Requests;
            RetryCount = session.Statistics.Retries;
            TokenRefreshCount = session.Statistics.TokenRefreshes;
            RateLimitBudgets = session.RateLimits.Snapshot();
            IsDefault = ReferenceEquals(PinterestSession.Default, session);
        }

        public PinEnvironment Environment { get; }
        public Uri ApiBaseUri { get; }
        public string? DefaultAdAccountId { get; }
        public DateTimeOffset ConnectedAt { get; }
        public DateTimeOffset? AccessTokenExpiresAt { get; }
        public DateTimeOffset? RefreshTokenExpiresAt { get; }

        /// <summary>True when the session holds a refresh token and client credentials, so it renews itself.</summary>
        public bool CanRefresh { get; }

        /// <summary>HTTP requests sent to the API by this session, retries included.</summary>
        public long RequestCount { get; }
        public long RetryCount { get; }
        public long TokenRefreshCount { get; }
        public IReadOnlyList<RateLimitBudgetInfo> RateLimitBudgets { get; }

        /// <summary>True for the process-wide session that cmdlets use without -Session.</summary>
        public bool IsDefault { get; }
    }
}
