using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// The credentials of one session. Hands out the current access token, refreshes it (once, for all
    /// concurrent callers) shortly before it expires or after the API rejected it, and keeps the rotated
    /// refresh token. Secrets live only here and in <see cref="SessionCredentials"/>; nothing here is
    /// ever formatted into a message.
    /// </summary>
    internal sealed class TokenManager : IDisposable
    {
        private readonly SemaphoreSlim _refreshGate = new SemaphoreSlim(1, 1);
        private readonly OAuthClient _oauth;
        private readonly Http.SessionStatistics _statistics;
        private readonly string? _clientId;
        private readonly string? _clientSecret;
        private readonly bool _continuousRefresh;
        private readonly string? _scope;
        private readonly bool _clientCredentials;
        private string _accessToken;
        private string? _refreshToken;

        public TokenManager(SessionCredentials credentials, OAuthClient oauth, Http.SessionStatistics statistics)
        {
            _oauth = oauth;
            _statistics = statistics;
            _accessToken = credentials.AccessToken ?? "";
            AccessTokenExpiresAt = credentials.AccessTokenExpiresAt;
            _refreshToken = credentials.RefreshToken;
            RefreshTokenExpiresAt = credentials.RefreshTokenExpiresAt;
            _clientId = credentials.ClientId;
            _clientSecret = credentials.ClientSecret;
            _continuousRefresh = credentials.ContinuousRefresh;
            _scope = credentials.Scope;
            _clientCredentials = credentials.UseClientCredentials;
        }

        public DateTimeOffset? AccessTokenExpiresAt { get; private set; }

        public DateTimeOffset? RefreshTokenExpiresAt { get; private set; }

        public bool CanRefresh => (_refreshToken != null || _clientCredentials) && _clientId != null && _clientSecret != null;

        /// <summary>The session's token comes from the client_credentials grant (an app token, no user).</summary>
        public bool UsesClientCredentials => _clientCredentials;

        public bool HasAccessToken => _accessToken.Length > 0;

        /// <summary>Raised (on the refreshing thread) after a refresh rotated the refresh token.</summary>
        public event EventHandler? Refreshed;

        /// <summary>The current refresh token, for the session to hand back as a SecureString.</summary>
        internal string? CurrentRefreshToken => _refreshToken;

        /// <summary>Every secret this manager knows, so redaction can mask them wherever they might leak.</summary>
        internal IEnumerable<string?> Secrets => new[] { _accessToken, _refreshToken, _clientSecret };

        public async Task<string> GetAccessTokenAsync(IPinLog log, CancellationToken cancellationToken)
        {
            bool expiring = AccessTokenExpiresAt.HasValue && AccessTokenExpiresAt.Value - DateTimeOffset.UtcNow < ApiLimits.AccessTokenRefreshMargin;
            if ((expiring || !HasAccessToken) && CanRefresh)
            {
                string seen = _accessToken;
                await RefreshOnceAsync(seen, log, expiring ? "the access token expires soon" : "there is no access token yet", cancellationToken).ConfigureAwait(false);
            }
            if (!HasAccessToken)
                throw new PinterestException("NotAuthenticated", PinErrorKind.AuthenticationFailed,
                    "The session has no access token. Connect with Connect-PinAccount -AccessToken, or -RefreshToken with -ClientId and -ClientSecret.");
            return _accessToken;
        }

        /// <summary>The API said 401 to <paramref name="rejectedToken"/>: refresh unless another caller already did.</summary>
        public async Task<string> RefreshAfterRejectionAsync(string rejectedToken, IPinLog log, CancellationToken cancellationToken)
        {
            await RefreshOnceAsync(rejectedToken, log, "the API rejected the access token", cancellationToken).ConfigureAwait(false);
            return _accessToken;
        }

        /// <summary>Refreshes now, whatever the expiry (Connect-PinAccount with only a refresh token).</summary>
        public Task RefreshNowAsync(IPinLog log, CancellationToken cancellationToken) =>
            RefreshOnceAsync(_accessToken, log, _clientCredentials ? "connecting with client credentials" : "connecting with a refresh token", cancellationToken);

        private async Task RefreshOnceAsync(string tokenSeen, IPinLog log, string reason, CancellationToken cancellationToken)
        {
            if (!CanRefresh)
                throw new PinterestException("CannotRefreshToken", PinErrorKind.AuthenticationFailed,
                    "The access token expired or was rejected and the session has no refresh token. Reconnect with Connect-PinAccount -RefreshToken, -ClientId and -ClientSecret so the module can renew it.");
            await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller refreshed while we waited: use its token.
                if (tokenSeen != _accessToken) return;

                log.Verbose($"Refreshing the access token: {reason}.");
                var response = _clientCredentials
                    ? await _oauth.ClientCredentialsAsync(_clientId!, _clientSecret!, _scope ?? OAuthClient.DefaultScope, log, cancellationToken).ConfigureAwait(false)
                    : await _oauth.RefreshAsync(_clientId!, _clientSecret!, _refreshToken!, _continuousRefresh, log, cancellationToken, _scope).ConfigureAwait(false);
                _accessToken = response.AccessToken;
                AccessTokenExpiresAt = response.AccessTokenExpiresAt ?? DateTimeOffset.UtcNow + ApiLimits.AccessTokenLifetime;
                if (!string.IsNullOrEmpty(response.RefreshToken))
                {
                    _refreshToken = response.RefreshToken;
                    RefreshTokenExpiresAt = response.RefreshTokenExpiresAt ?? RefreshTokenExpiresAt;
                }
                _statistics.CountRefresh();
                log.Verbose($"Access token refreshed; it expires at {AccessTokenExpiresAt:u}.");
                if (RefreshTokenExpiryWarning(RefreshTokenExpiresAt) is string warning) log.Warning(warning);
                Refreshed?.Invoke(this, EventArgs.Empty);
            }
            finally
            {
                _refreshGate.Release();
            }
        }

        /// <summary>The warning to show when a refresh token is within the warning period of its expiry, else null.</summary>
        public static string? RefreshTokenExpiryWarning(DateTimeOffset? expiresAt) =>
            expiresAt.HasValue && expiresAt.Value - DateTimeOffset.UtcNow < ApiLimits.RefreshTokenWarning
                ? $"The refresh token expires at {expiresAt.Value:u}, within {ApiLimits.RefreshTokenWarning.TotalDays:0} days. Renew the connection (Connect-PinAccount -Interactive) before then."
                : null;

        public void Dispose() => _refreshGate.Dispose();
    }
}
