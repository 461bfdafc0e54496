using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Session;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Session
{
    /// <summary>
    /// Connects to the Pinterest API and makes the session the process-wide default. Credentials come from
    /// SecureString parameters, from the interactive OAuth flow, or - with no token parameter - from the
    /// PINTEREST_* environment variables. One cheap call proves they work. Never prompts.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "PinAccount", DefaultParameterSetName = FromEnvironmentSet, HelpUri = HelpLinks.Pages + "Connect-PinAccount.md")]
    [OutputType(typeof(PinterestSession))]
    public sealed class ConnectPinAccountCommand : PinCmdlet
    {
        private const string AccessTokenSet = "AccessToken";
        private const string RefreshTokenSet = "RefreshToken";
        private const string InteractiveSet = "Interactive";
        private const string FromEnvironmentSet = "FromEnvironment";
        private const string ClientCredentialsSet = "ClientCredentials";
        private const string DefaultScope = OAuthClient.DefaultScope;

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        // Secrets (this and the other SecureString parameters): Tab offers nothing, never file names.
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public SecureString AccessToken { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public SecureString RefreshToken { get; set; } = null!;

        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientCredentialsSet)]
        [ValidatePattern(@"^\d+$")]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string? ClientId { get; set; }

        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientCredentialsSet)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public SecureString? ClientSecret { get; set; }

        /// <summary>
        /// Get an app token with the client_credentials grant (-ClientId, -ClientSecret, -Scope): no user and no
        /// refresh token; the session asks for a new one the same way when it expires.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientCredentialsSet)]
        public SwitchParameter ClientCredentials { get; set; }

        /// <summary>A refresh token to go with -AccessToken, so the session can renew itself.</summary>
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public SecureString? WithRefreshToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        public SwitchParameter Interactive { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public Uri RedirectUri { get; set; } = null!;

        /// <summary>
        /// The scopes to ask for (sent comma-joined as the token request's scope): the consent of -Interactive
        /// and the client_credentials grant default to ads:read; with -RefreshToken it is sent only when given.
        /// </summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string[] Scope { get; set; } = { DefaultScope };

        /// <summary>
        /// Runs instead of opening a browser, with the consent URL as its argument (headless machines, tests).
        /// </summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public ScriptBlock? BrowserAction { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [ValidateRange(5, 3600)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int TimeoutSec { get; set; } = 300;

        [Parameter]
        [ValidateSet("Production", "Sandbox", IgnoreCase = true)]
        public string Environment { get; set; } = nameof(PinEnvironment.Production);

        /// <summary>
        /// A base URI other than Production's or Sandbox's, e.g. the local emulator's. HTTPS unless loopback.
        /// The session's environment is then Custom, unless -Environment Sandbox says the URI stands in for the sandbox.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public Uri? ApiBaseUri { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        [Parameter]
        public SwitchParameter ContinuousRefresh { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int RequestTimeoutSec { get; set; } = 100;

        [Parameter]
        [ValidateRange(1, 86400)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int OperationTimeoutSec { get; set; } = 600;

        [Parameter]
        [ValidateRange(0, 20)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int MaxRetries { get; set; } = 5;

        /// <summary>Longest server-advertised wait (Retry-After, X-RateLimit-Reset) to sleep through before failing fast.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int MaxRetryWaitSec { get; set; } = 90;

        /// <summary>Client-side budgets per rate-limit category, e.g. @{ ads_analytics = 300; ads_read = 1000 }.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public Hashtable? RequestsPerMinute { get; set; }

        /// <summary>Client-side budget for all requests per second (Pinterest allows 100; raise it only against an emulator).</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int RequestsPerSecond { get; set; } = ApiLimits.OverallPerSecond;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Create the session without making it the process-wide default (implies -PassThru).</summary>
        [Parameter]
        public SwitchParameter NoDefault { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                var options = BuildOptions();
                var credentials = ParameterSetName == InteractiveSet ? null : BuildCredentials(options);
                var session = Pump(async (pump, ct) =>
                {
                    var creds = credentials ?? await AuthorizeInteractivelyAsync(options, pump, ct).ConfigureAwait(false);
                    pump.Verbose($"Connecting to {options.ApiBaseUri} ({options.Environment}).");
                    var connected = await PinterestSession.ConnectAsync(options, creds, pump, ct).ConfigureAwait(false);
                    if (options.DefaultAdAccountId != null)
                    {
                        try
                        {
                            // The default ad account must exist and be readable: one GET now, not a confusing failure later.
                            var account = await EntityQueries.AdAccountAsync(connected.Api, options.DefaultAdAccountId, pump, ct).ConfigureAwait(false);
                            connected.SetDefaultAdAccount(account.Id, account.Name);
                        }
                        catch
                        {
                            connected.Dispose();
                            throw;
                        }
                    }
                    return connected;
                });

                if (TokenManager.RefreshTokenExpiryWarning(session.RefreshTokenExpiresAt, session.Time.GetUtcNow()) is string warning) WriteWarning(warning);

                if (!NoDefault) PinterestSession.ReplaceDefault(session)?.Dispose();
                WriteVerbose($"Connected: {session}.");
                if (PassThru || NoDefault) WriteObject(session);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                Fail(ex, ParameterSetName);
            }
        }

        private SessionOptions BuildOptions()
        {
            var environment = (PinEnvironment)Enum.Parse(typeof(PinEnvironment), Environment, ignoreCase: true);
            Uri? baseUri = ApiBaseUri;
            if (baseUri == null && ParameterSetName == FromEnvironmentSet)
            {
                string? fromEnv = EnvironmentVariable("PINTEREST_API_BASE_URI");
                if (fromEnv != null && !Uri.TryCreate(fromEnv, UriKind.Absolute, out baseUri))
                    throw new PinterestValidationException(ErrorIds.ApiBaseUriInvalid, "ApiBaseUri",
                        "PINTEREST_API_BASE_URI is not an absolute URI. Set it to e.g. https://api.pinterest.com/v5, or unset it.");
            }
            var options = new SessionOptions
            {
                // -Environment Sandbox with a custom base URI (a sandbox stand-in) keeps the sandbox's rules.
                Environment = baseUri == null || environment == PinEnvironment.Sandbox ? environment : PinEnvironment.Custom,
                ApiBaseUri = baseUri != null ? ApiEndpoints.ValidateCustom("ApiBaseUri", baseUri) : ApiEndpoints.For(environment),
                OperationTimeout = TimeSpan.FromSeconds(OperationTimeoutSec),
                UserAgent = UserAgent(),
                RequestsPerMinute = Budgets(),
                RequestsPerSecond = RequestsPerSecond,
            };
            options.Retry.MaxRetries = MaxRetries;
            options.Retry.RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec);
            options.Retry.MaxServerDelay = TimeSpan.FromSeconds(MaxRetryWaitSec);
            string? account = AdAccountId ?? (ParameterSetName == FromEnvironmentSet ? EnvironmentVariable("PINTEREST_AD_ACCOUNT_ID") : null);
            if (account != null) options.DefaultAdAccountId = Ids.RequireAdAccount("AdAccountId", account);
            return options;
        }

        private SessionCredentials BuildCredentials(SessionOptions options)
        {
            var credentials = new SessionCredentials { ContinuousRefresh = ContinuousRefresh };
            switch (ParameterSetName)
            {
                case AccessTokenSet:
                    if (AccessToken.Length == 0 || string.IsNullOrWhiteSpace(SessionCredentials.Reveal(AccessToken)))
                        throw new PinterestValidationException(ErrorIds.AccessTokenEmpty, "AccessToken",
                            "-AccessToken is empty. Pass the app's access token as a SecureString, e.g. (Read-Host -AsSecureString), or connect with -RefreshToken/-Interactive.");
                    credentials.AccessToken = SessionCredentials.Reveal(AccessToken);
                    credentials.RefreshToken = SessionCredentials.Reveal(WithRefreshToken);
                    credentials.ClientId = ClientId;
                    credentials.ClientSecret = SessionCredentials.Reveal(ClientSecret);
                    break;
                case RefreshTokenSet:
                    credentials.RefreshToken = SessionCredentials.Reveal(RefreshToken);
                    credentials.ClientId = ClientId;
                    credentials.ClientSecret = SessionCredentials.Reveal(ClientSecret);
                    if (MyInvocation.BoundParameters.ContainsKey(nameof(Scope))) credentials.Scope = JoinScope();
                    break;
                case ClientCredentialsSet:
                    credentials.UseClientCredentials = true;
                    credentials.ClientId = ClientId;
                    credentials.ClientSecret = SessionCredentials.Reveal(ClientSecret);
                    credentials.Scope = JoinScope();
                    break;
                default:
                    credentials.AccessToken = EnvironmentVariable("PINTEREST_ACCESS_TOKEN");
                    credentials.RefreshToken = EnvironmentVariable("PINTEREST_REFRESH_TOKEN");
                    credentials.ClientId = EnvironmentVariable("PINTEREST_CLIENT_ID");
                    credentials.ClientSecret = EnvironmentVariable("PINTEREST_CLIENT_SECRET");
                    if (credentials.AccessToken == null && (credentials.RefreshToken == null || credentials.ClientId == null || credentials.ClientSecret == null))
                        throw new PinterestValidationException(ErrorIds.NoCredentials, "AccessToken",
                            "No credentials: pass -AccessToken (a SecureString), or -RefreshToken with -ClientId and -ClientSecret, or -Interactive; " +
                            "or set PINTEREST_ACCESS_TOKEN (or PINTEREST_REFRESH_TOKEN, PINTEREST_CLIENT_ID and PINTEREST_CLIENT_SECRET) for runbooks and CI.");
                    break;
            }
            if (credentials.RefreshToken != null && (credentials.ClientId == null || credentials.ClientSecret == null))
                WriteWarning("A refresh token was given without -ClientId and -ClientSecret; the session cannot renew its access token.");
            return credentials;
        }

        private async System.Threading.Tasks.Task<SessionCredentials> AuthorizeInteractivelyAsync(SessionOptions options, PipelinePump pump, System.Threading.CancellationToken ct)
        {
            string clientSecret = SessionCredentials.Reveal(ClientSecret)!;
            using var authorization = new InteractiveAuthorization(InteractiveAuthorization.ConsentBaseFor(options.ApiBaseUri), ClientId!, RedirectUri, JoinScope());
            authorization.Start();
            var waitForCode = authorization.WaitForCodeAsync(TimeSpan.FromSeconds(TimeoutSec), ct);

            pump.OnPipelineThread(cmdlet =>
            {
                string message = $"Open this URL to grant PinterestAds access: {authorization.ConsentUri}";
                cmdlet.WriteInformation(new InformationRecord(message, "Connect-PinAccount"));
                if (BrowserAction != null) BrowserAction.Invoke(authorization.ConsentUri.AbsoluteUri);
                else if (!TryOpenBrowser(authorization.ConsentUri, pump))
                {
                    // No browser (a server, SSH, a container): the Information stream is hidden by
                    // default, so the URL goes to the host itself, where the person at the keyboard sees it.
                    if (Host?.UI != null) Host.UI.WriteLine(message);
                    else cmdlet.WriteWarning(message);
                }
                return true;
            });

            string code = await waitForCode.ConfigureAwait(false);
            pump.Verbose("Authorization code received; exchanging it for tokens.");
            using var bootstrap = new PinterestSession(options, new SessionCredentials());
            var oauth = new OAuthClient(bootstrap.TokenHttpClient, options.ApiBaseUri, time: options.Time);
            var tokens = await oauth.ExchangeCodeAsync(ClientId!, clientSecret, code, RedirectUri.AbsoluteUri, pump, ct).ConfigureAwait(false);
            return new SessionCredentials
            {
                AccessToken = tokens.AccessToken,
                AccessTokenExpiresAt = tokens.AccessTokenExpiresAt,
                RefreshToken = tokens.RefreshToken,
                RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt,
                ClientId = ClientId,
                ClientSecret = clientSecret,
                ContinuousRefresh = ContinuousRefresh,
                RefreshTokenIsNew = true,
            };
        }

        /// <summary>Pinterest's scope lists are comma-separated ("ads:read,user_accounts:read"); -Scope takes either form.</summary>
        private string JoinScope() =>
            string.Join(",", Scope.SelectMany(s => s.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal));

        /// <summary>Opens the default browser; false when there is none (no desktop session, or the start failed).</summary>
        private static bool TryOpenBrowser(Uri uri, PipelinePump pump)
        {
            if (!HasDesktop())
            {
                pump.Verbose("No desktop session (no DISPLAY or WAYLAND_DISPLAY): not opening a browser.");
                return false;
            }
            try
            {
                Process.Start(new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true })?.Dispose();
                return true;
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is PlatformNotSupportedException)
            {
                pump.Verbose($"Could not open a browser ({ex.Message}); open the URL by hand.");
                return false;
            }
        }

        // Windows and macOS always have a desktop for an interactive user; elsewhere a browser needs
        // an X11 or Wayland display (xdg-open "succeeds" without one and nothing appears).
        private static bool HasDesktop()
        {
            if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)
                || System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.OSX)) return true;
            return !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("DISPLAY"))
                || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
        }

        private Dictionary<string, int>? Budgets()
        {
            if (RequestsPerMinute == null) return null;
            var budgets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            // The categories are the description's x-ratelimit-category values: a misspelt key would set a
            // budget nothing ever uses, so it is refused.
            var known = new SortedSet<string>(ApiCatalog.Current.Operations.Select(o => o.RateLimitCategory), StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in RequestsPerMinute)
            {
                string key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                if (!known.Contains(key))
                    throw new PinterestValidationException(ErrorIds.RequestsPerMinuteUnknownCategory, "RequestsPerMinute",
                        $"-RequestsPerMinute has the key '{key}', which is not a rate-limit category of the API. Use one of: {string.Join(", ", known)}.");
                if (!int.TryParse(Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture), out int perMinute) || perMinute < 1)
                    throw new PinterestValidationException(ErrorIds.RequestsPerMinuteInvalid, "RequestsPerMinute",
                        $"-RequestsPerMinute '{entry.Key}' must be a positive whole number of requests per minute, e.g. @{{ ads_analytics = 300 }}.");
                budgets[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = perMinute;
            }
            return budgets;
        }

        private string UserAgent()
        {
            string module = typeof(ConnectPinAccountCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            object? psVersion = SessionState?.PSVariable.GetValue("PSVersionTable") is Hashtable table ? table["PSVersion"] : null;
            return $"PinterestAds/{module} PowerShell/{psVersion ?? "unknown"}";
        }

        private static string? EnvironmentVariable(string name)
        {
            string? value = System.Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
