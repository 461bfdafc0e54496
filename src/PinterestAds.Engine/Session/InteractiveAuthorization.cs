using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// The OAuth authorization-code flow for a person at a keyboard: a consent URL with a random
    /// <c>state</c>, and a loopback listener on the redirect URI that receives the code and checks the
    /// state. The code is then exchanged by <see cref="OAuthClient"/>.
    /// </summary>
    internal sealed class InteractiveAuthorization : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();

        public InteractiveAuthorization(Uri consentBaseUri, string clientId, Uri redirectUri, string scope)
        {
            if (!redirectUri.IsAbsoluteUri || redirectUri.Scheme != Uri.UriSchemeHttp || !ApiEndpoints.IsLoopback(redirectUri) || redirectUri.IsDefaultPort)
                throw new PinterestValidationException(ErrorIds.RedirectUriNotLoopback, "RedirectUri",
                    $"-RedirectUri '{redirectUri}' must be an http:// loopback address with a port, e.g. http://localhost:8085/, registered as a redirect URI of your Pinterest app.");
            RedirectUri = redirectUri;
            State = NewState();
            ConsentUri = new Uri(consentBaseUri.AbsoluteUri.TrimEnd('/') + "/?" + string.Join("&",
                "client_id=" + Uri.EscapeDataString(clientId),
                "redirect_uri=" + Uri.EscapeDataString(redirectUri.AbsoluteUri),
                "response_type=code",
                "scope=" + Uri.EscapeDataString(scope),
                "state=" + State));
            string prefix = redirectUri.GetLeftPart(UriPartial.Path);
            if (!prefix.EndsWith("/", StringComparison.Ordinal)) prefix = prefix.Substring(0, prefix.LastIndexOf('/') + 1);
            _listener.Prefixes.Add(prefix);
        }

        /// <summary>Where a person grants access. Contains no secret (the state is single-use).</summary>
        public Uri ConsentUri { get; }

        public Uri RedirectUri { get; }

        internal string State { get; }

        /// <summary>Where Pinterest's consent page lives for an API base URI (the emulator plays it on its own host).</summary>
        public static Uri ConsentBaseFor(Uri apiBaseUri) =>
            apiBaseUri.Host.EndsWith("pinterest.com", StringComparison.OrdinalIgnoreCase)
                ? new Uri("https://www.pinterest.com/oauth/")
                : new Uri(apiBaseUri.GetLeftPart(UriPartial.Authority) + "/oauth/");

        public void Start() => _listener.Start();

        /// <summary>Waits for the browser to come back with the code; checks the state.</summary>
        public async Task<string> WaitForCodeAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            using var registration = timeoutSource.Token.Register(() => { try { _listener.Stop(); } catch (ObjectDisposedException) { } });
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new PinterestException(ErrorIds.InteractiveLoginTimedOut, PinErrorKind.Timeout,
                        $"No authorization arrived at {RedirectUri} within {timeout.TotalSeconds:0} s. Open the consent URL, approve access, and run Connect-PinAccount -Interactive again (raise -TimeoutSec if you need longer).");
                }

                var query = context.Request.QueryString;
                string? error = query["error"];
                string? code = query["code"];
                string? state = query["state"];
                if (code == null && error == null)
                {
                    Respond(context, 404, "Waiting for Pinterest's authorization.");
                    continue;
                }
                if (!string.Equals(state, State, StringComparison.Ordinal))
                {
                    Respond(context, 400, "The state did not match; this response was not for this sign-in.");
                    throw new PinterestException(ErrorIds.InteractiveLoginStateMismatch, PinErrorKind.AuthenticationFailed,
                        "The authorization response carried a different 'state' than the one sent: it may be forged or stale. Run Connect-PinAccount -Interactive again.");
                }
                if (error != null)
                {
                    Respond(context, 400, "Access was not granted. You can close this window.");
                    throw new PinterestException(ErrorIds.InteractiveLoginDenied, PinErrorKind.AuthenticationFailed,
                        $"Pinterest did not grant access ({error}: {query["error_description"] ?? "no description"}). Run Connect-PinAccount -Interactive again and approve access.");
                }
                Respond(context, 200, "PinterestAds is connected. You can close this window.");
                return code!;
            }
        }

        private static void Respond(HttpListenerContext context, int status, string message)
        {
            byte[] body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>" + WebUtility.HtmlEncode(message) + "</p></body></html>");
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            context.Response.OutputStream.Write(body, 0, body.Length);
            context.Response.Close();
        }

        private static string NewState()
        {
            var bytes = new byte[24];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return string.Concat(bytes.Select(b => b.ToString("x2")));
        }

        public void Dispose()
        {
            try { _listener.Close(); } catch (ObjectDisposedException) { }
        }
    }
}
