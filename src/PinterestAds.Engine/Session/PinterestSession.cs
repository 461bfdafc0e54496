using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Session;

namespace PinterestAds
{
    /// <summary>
    /// One authenticated connection to the Pinterest API: credentials, one long-lived HttpClient with its
    /// handlers, one rate-limit budget and the session's caches. Thread-safe; shared by every cmdlet (and
    /// every runspace of <c>ForEach-Object -Parallel</c>) that uses it. Its string form holds no secret.
    /// </summary>
    public sealed class PinterestSession : IDisposable
    {
        private static readonly object DefaultGate = new object();
        private static PinterestSession? _default;

        private readonly HttpPipeline _pipeline;
        private readonly TokenManager _tokens;
        private int _disposed;

        internal PinterestSession(SessionOptions options, SessionCredentials credentials)
        {
            Options = options;
            Environment = options.Environment;
            ApiBaseUri = options.ApiBaseUri;
            DefaultAdAccountId = options.DefaultAdAccountId;
            if (DefaultAdAccountId != null) KnownAdAccounts[DefaultAdAccountId] = null;
            Time = options.Time;
            Jitter = new Jitter(options.JitterSeed);
            ConnectedAt = Time.GetUtcNow();
            RateLimits = new RateLimitBudget(options.RequestsPerMinute, options.RequestsPerSecond, time: Time);
            TokenManager? tokens = null;
            Secrets = new SecretMasker(() => tokens?.Secrets ?? Array.Empty<string?>());
            _pipeline = new HttpPipeline(options, RateLimits, Statistics, Jitter, () => tokens!, Secrets);
            _tokens = tokens = new TokenManager(credentials, new OAuthClient(_pipeline.Token, options.ApiBaseUri, Secrets, Time), Statistics, Time);
            _tokens.Refreshed += (_, _) => { if (_tokens.HasNewRefreshToken) RefreshTokenRotated?.Invoke(this, EventArgs.Empty); };
            EnvironmentRules = EnvironmentRules.For(options.Environment, credentials.UseClientCredentials);
            Api = new PinterestApiClient(_pipeline.Api, options.ApiBaseUri, options.OperationTimeout, EnvironmentRules, Secrets);
        }

        /// <summary>The process-wide session used by cmdlets called without -Session.</summary>
        public static PinterestSession? Default
        {
            get { lock (DefaultGate) return _default; }
        }

        /// <summary>Makes <paramref name="session"/> the default and returns the one it replaced.</summary>
        internal static PinterestSession? ReplaceDefault(PinterestSession? session)
        {
            lock (DefaultGate)
            {
                var previous = _default;
                _default = session;
                return previous;
            }
        }

        public PinEnvironment Environment { get; }

        /// <summary>The session's clock and timers (<see cref="SessionOptions.Time"/>).</summary>
        internal TimeProvider Time { get; }

        /// <summary>The session's seeded jitter for retry backoff and report polling.</summary>
        internal Jitter Jitter { get; }

        /// <summary>
        /// True when the session can be served the operation (an operationId of the API description, e.g.
        /// <c>analytics/create_report</c>). The sandbox lacks what the description marks <c>x-sandbox: disabled</c>
        /// (async and template reports, bulk downloads, audience insights, product-group operations); an app
        /// token (client_credentials) may call only operations whose security lists that grant. Planners ask
        /// this before choosing a path.
        /// </summary>
        public bool Supports(string operationId) => EnvironmentRules.Supports(operationId);

        /// <summary>Throws <see cref="PinterestEnvironmentException"/> (NotAvailableInSandbox, NotAvailableWithClientCredentials) when the session cannot be served the operation.</summary>
        internal void EnsureSupports(string operationId) => EnvironmentRules.EnsureSupports(operationId);

        internal EnvironmentRules EnvironmentRules { get; }

        public Uri ApiBaseUri { get; }

        /// <summary>The ad account cmdlets use when -AdAccountId is not given (Set-PinSession changes it).</summary>
        public string? DefaultAdAccountId { get; private set; }

        /// <summary>Makes <paramref name="adAccountId"/> the default ad account (checked by the caller).</summary>
        internal void SetDefaultAdAccount(string adAccountId, string? name)
        {
            DefaultAdAccountId = adAccountId;
            KnownAdAccounts[adAccountId] = name;
        }

        public DateTimeOffset ConnectedAt { get; }

        public DateTimeOffset? AccessTokenExpiresAt => _tokens.AccessTokenExpiresAt;

        public DateTimeOffset? RefreshTokenExpiresAt => _tokens.RefreshTokenExpiresAt;

        public bool CanRefresh => _tokens.CanRefresh;

        /// <summary>
        /// True when the session holds a refresh token the caller has not been handed yet: after an
        /// interactive login, a login with -RefreshToken (which rotates it at once) or any later rotation.
        /// </summary>
        public bool HasNewRefreshToken => _tokens.HasNewRefreshToken;

        /// <summary>
        /// Raised (on the thread that refreshed) when a refresh rotated the refresh token; call
        /// <see cref="TakeRefreshToken"/> to receive the new one.
        /// </summary>
        public event EventHandler? RefreshTokenRotated;

        /// <summary>
        /// Hands the refresh token over once, as a new read-only SecureString, so a runbook can store it for
        /// its next run: the first call after it became new (login or rotation) returns it, later calls return
        /// null until the next rotation, and a disconnected session returns null. It is deliberately not a
        /// property: a session written with Export-Clixml or ConvertTo-Json carries no refresh token.
        /// </summary>
        public SecureString? TakeRefreshToken() => SessionCredentials.Protect(_tokens.TakeRefreshToken());

        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        internal SessionOptions Options { get; }
        internal PinterestApiClient Api { get; }
        internal System.Net.Http.HttpClient DownloadClient => _pipeline.Download;
        internal System.Net.Http.HttpClient TokenHttpClient => _pipeline.Token;
        internal TokenManager Tokens => _tokens;
        internal RateLimitBudget RateLimits { get; }
        internal SessionStatistics Statistics { get; } = new SessionStatistics();
        internal SessionCache Cache { get; } = new SessionCache();

        /// <summary>Masks this session's secrets (every token it has held) in any text.</summary>
        internal SecretMasker Secrets { get; }

        /// <summary>Ad accounts this session has seen (id to name), for tab completion without a request.</summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, string?> KnownAdAccounts { get; } =
            new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>A secret-free snapshot for Get-PinSession.</summary>
        public PinSessionInfo GetInfo() => new PinSessionInfo(this);

        /// <summary>
        /// Creates a session and proves the credentials work with one cheap call (listing one ad account),
        /// refreshing first when only a refresh token was given.
        /// </summary>
        internal static async Task<PinterestSession> ConnectAsync(SessionOptions options, SessionCredentials credentials, IPinLog log, CancellationToken cancellationToken)
        {
            var session = new PinterestSession(options, credentials);
            try
            {
                if (!session._tokens.HasAccessToken) await session._tokens.RefreshNowAsync(log, cancellationToken).ConfigureAwait(false);
                var probe = new ApiRequest("ad_accounts/list").QueryValue("page_size", 1);
                await session.Api.SendAsync(probe, log, cancellationToken).ConfigureAwait(false);
                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        public override string ToString() =>
            $"PinterestSession {Environment} {ApiBaseUri}" + (DefaultAdAccountId != null ? $" (ad account {DefaultAdAccountId})" : "");

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _tokens.Forget();
            _pipeline.Dispose();
            _tokens.Dispose();
        }
    }
}
