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
        private bool _refreshTokenHandedOver;
        private bool _forgotten;

        // Every token this session has held, so a server echoing an old one in a message is masked too.
        private readonly List<string> _everHeld = new List<string>();
        private readonly object _secretsGate = new object();

        private readonly TimeProvider _time;

        public TokenManager(SessionCredentials credentials, OAuthClient oauth, Http.SessionStatistics statistics, TimeProvider time)
        {
            _time = time;
            _oauth = oauth;
            _statistics = statistics;
            _accessToken = credentials.AccessToken ?? "";
            AccessTokenExpiresAt = credentials.AccessTokenExpiresAt;
            _refreshToken = credentials.RefreshToken;
            RefreshTokenExpiresAt = credentials.RefreshTokenExpiresAt;
            _clientId = credentials.ClientId;
            _clientSecret = credentials.ClientSecret;
            _continuousRefresh = credentials.ContinuousRefresh;
            Remember(_accessToken);
            Remember(_refreshToken);
            Remember(_clientSecret);
            // A refresh token the caller gave is theirs already; one from the interactive login is new to them.
            _refreshTokenHandedOver = !credentials.RefreshTokenIsNew;
            _scope = credentials.Scope;
            _clientCredentials = credentials.UseClientCredentials;
        }

        public DateTimeOffset? AccessTokenExpiresAt { get; private set; }

        public DateTimeOffset? RefreshTokenExpiresAt { get; private set; }

        public bool CanRefresh => !_forgotten && (_refreshToken != null || _clientCredentials) && _clientId != null && _clientSecret != null;

        /// <summary>The session's token comes from the client_credentials grant (an app token, no user).</summary>
        public bool UsesClientCredentials => _clientCredentials;

        public bool HasAccessToken => _accessToken.Length > 0;

        /// <summary>Raised (on the refreshing thread) after a refresh rotated the refresh token.</summary>
        public event EventHandler? Refreshed;

        /// <summary>Whether a refresh token the caller has not been handed yet is waiting (see <see cref="TakeRefreshToken"/>).</summary>
        public bool HasNewRefreshToken
        {
            get { lock (_secretsGate) return !_forgotten && _refreshToken != null && !_refreshTokenHandedOver; }
        }

        /// <summary>
        /// Hands the current refresh token over once: the first call after the token is new to the caller
        /// (an interactive login, a rotation) returns it, later calls return null until it rotates again.
        /// Nothing else ever reads it out, so it cannot end up in a serialized session.
        /// </summary>
        public string? TakeRefreshToken()
        {
            lock (_secretsGate)
            {
                if (_forgotten || _refreshToken == null || _refreshTokenHandedOver) return null;
                _refreshTokenHandedOver = true;
                return _refreshToken;
            }
        }

        /// <summary>Every secret this manager knows (current and earlier), so redaction can mask them wherever they might leak.</summary>
        internal IEnumerable<string?> Secrets
        {
            get { lock (_secretsGate) return _everHeld.ToArray(); }
        }

        private void Remember(string? secret)
        {
            if (string.IsNullOrEmpty(secret)) return;
            lock (_secretsGate)
            {
                if (!_everHeld.Contains(secret!)) _everHeld.Add(secret!);
                // Bounded: a long-running session rotates tokens every 30 days at most.
                if (_everHeld.Count > 64) _everHeld.RemoveAt(0);
            }
        }

        /// <summary>Disconnect: the credentials are dropped; nothing can be refreshed or handed over any more.</summary>
        public void Forget()
        {
            lock (_secretsGate)
            {
                _forgotten = true;
                _accessToken = "";
                _refreshToken = null;
            }
        }

        public async Task<string> GetAccessTokenAsync(IPinLog log, CancellationToken cancellationToken)
        {
            bool expiring = AccessTokenExpiresAt.HasValue && AccessTokenExpiresAt.Value - _time.GetUtcNow() < ApiLimits.AccessTokenRefreshMargin;
            if ((expiring || !HasAccessToken) && CanRefresh)
            {
                string seen = _accessToken;
                await RefreshOnceAsync(seen, log, expiring ? "the access token expires soon" : "there is no access token yet", cancellationToken).ConfigureAwait(false);
            }
            if (_forgotten)
                throw new PinterestException(ErrorIds.SessionClosed, PinErrorKind.AuthenticationFailed,
                    "This session was disconnected (Disconnect-PinAccount) and holds no credentials any more. Connect again with Connect-PinAccount.");
            if (!HasAccessToken)
                throw new PinterestException(ErrorIds.NotAuthenticated, PinErrorKind.AuthenticationFailed,
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
                throw new PinterestException(ErrorIds.CannotRefreshToken, PinErrorKind.AuthenticationFailed,
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
                Remember(response.AccessToken);
                Remember(response.RefreshToken);
                _accessToken = response.AccessToken;
                AccessTokenExpiresAt = response.AccessTokenExpiresAt ?? _time.GetUtcNow() + ApiLimits.AccessTokenLifetime;
                if (!string.IsNullOrEmpty(response.RefreshToken))
                {
                    lock (_secretsGate)
                    {
                        if (_refreshToken != response.RefreshToken) _refreshTokenHandedOver = false;
                        _refreshToken = response.RefreshToken;
                    }
                    RefreshTokenExpiresAt = response.RefreshTokenExpiresAt ?? RefreshTokenExpiresAt;
                }
                _statistics.CountRefresh();
                log.Verbose($"Access token refreshed; it expires at {AccessTokenExpiresAt:u}.");
                if (RefreshTokenExpiryWarning(RefreshTokenExpiresAt, _time.GetUtcNow()) is string warning) log.Warning(warning);
                Refreshed?.Invoke(this, EventArgs.Empty);
            }
            finally
            {
                _refreshGate.Release();
            }
        }

        /// <summary>The warning to show when a refresh token is within the warning period of its expiry, else null.</summary>
        public static string? RefreshTokenExpiryWarning(DateTimeOffset? expiresAt, DateTimeOffset now) =>
            expiresAt.HasValue && expiresAt.Value - now < ApiLimits.RefreshTokenWarning
                ? $"The refresh token expires at {expiresAt.Value:u}, within {ApiLimits.RefreshTokenWarning.TotalDays:0} days. Renew the connection (Connect-PinAccount -Interactive) before then."
                : null;

        public void Dispose()
        {
            Forget();
            _refreshGate.Dispose();
        }
    }
}
