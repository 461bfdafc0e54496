using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// Calls <c>POST /oauth/token</c> (form body, HTTP Basic client_id:client_secret) for the
    /// authorization-code, refresh-token and client-credentials grants. Never retried blindly: a refresh rotates the token.
    /// </summary>
    internal sealed class OAuthClient
    {
        /// <summary>The scope the module needs: read access to ads, reporting included.</summary>
        public const string DefaultScope = "ads:read";

        private readonly HttpClient _http;
        private readonly Uri _apiBaseUri;
        private readonly SecretMasker _secrets;

        private readonly TimeProvider _time;

        public OAuthClient(HttpClient http, Uri apiBaseUri, SecretMasker? secrets = null, TimeProvider? time = null)
        {
            _time = time ?? TimeProvider.System;
            _http = http;
            _apiBaseUri = apiBaseUri;
            _secrets = secrets ?? SecretMasker.None;
        }

        /// <summary>The refresh_token grant; <paramref name="scope"/> (optional in the description) narrows the new token's scopes.</summary>
        public Task<TokenResponse> RefreshAsync(string clientId, string clientSecret, string refreshToken, bool continuousRefresh, IPinLog log, CancellationToken cancellationToken,
            string? scope = null)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("grant_type", "refresh_token"),
                new KeyValuePair<string, string>("refresh_token", refreshToken),
            };
            if (!string.IsNullOrEmpty(scope)) form.Add(new KeyValuePair<string, string>("scope", scope!));
            if (continuousRefresh) form.Add(new KeyValuePair<string, string>("continuous_refresh", "true"));
            return SendAsync(clientId, clientSecret, form, ErrorIds.RefreshTokenRejected,
                "The refresh token was rejected: it was revoked, expired or rotated by another process. Reconnect with Connect-PinAccount (-Interactive, or a new -RefreshToken).",
                log, cancellationToken);
        }

        public Task<TokenResponse> ExchangeCodeAsync(string clientId, string clientSecret, string code, string redirectUri, IPinLog log, CancellationToken cancellationToken)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("grant_type", "authorization_code"),
                new KeyValuePair<string, string>("code", code),
                new KeyValuePair<string, string>("redirect_uri", redirectUri),
            };
            return SendAsync(clientId, clientSecret, form, ErrorIds.AuthorizationCodeRejected,
                "Pinterest did not accept the authorization code. Check -ClientId, -ClientSecret and that -RedirectUri is registered for the app, then try again.",
                log, cancellationToken);
        }

        /// <summary>
        /// The client_credentials grant: a token for the app itself (no user, no refresh token), for the
        /// <paramref name="scope"/> the description requires, e.g. <c>ads:read</c>.
        /// </summary>
        public Task<TokenResponse> ClientCredentialsAsync(string clientId, string clientSecret, string scope, IPinLog log, CancellationToken cancellationToken)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("scope", scope),
            };
            return SendAsync(clientId, clientSecret, form, ErrorIds.ClientCredentialsRejected,
                "Pinterest did not grant a client token. Check -ClientId and -ClientSecret, and that the app may have the requested -Scope.",
                log, cancellationToken);
        }

        private async Task<TokenResponse> SendAsync(string clientId, string clientSecret, List<KeyValuePair<string, string>> form,
            string errorId, string hint, IPinLog log, CancellationToken cancellationToken)
        {
            var request = new ApiRequest("oauth/token").Form(form);
            using var message = new HttpRequestMessage(HttpMethod.Post, request.BuildUri(_apiBaseUri)) { Content = request.BuildContent() };
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + clientSecret)));
            new RequestContext(request.Operation, log).AttachTo(message);

            using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            // The retry handler has buffered the body (size-capped); reading it here cannot block.
            byte[] bytes = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            string? requestId = ResponseHeaders.RequestIdOf(response);
            if (!response.IsSuccessStatusCode)
            {
                var error = ApiError.Parse(Encoding.UTF8.GetString(bytes));
                string? apiMessage = _secrets.MaskOrNull(error.Message);
                string answered = $"POST /oauth/token answered {(int)response.StatusCode}{(apiMessage != null ? ": " + apiMessage : "")}.";
                int status = (int)response.StatusCode;
                // Only a refused grant (400) means the refresh token or code is bad; a 401 is the client's own
                // credentials, a 429 or 5xx says nothing about the token (and was retried where safe).
                (string id, PinErrorKind kind, string text) = status switch
                {
                    400 => (errorId, PinErrorKind.AuthenticationFailed, hint),
                    401 => (ErrorIds.ClientAuthenticationFailed, PinErrorKind.AuthenticationFailed,
                        "Pinterest did not accept the app's client credentials: check -ClientId and -ClientSecret (the app's id and secret from developers.pinterest.com). The refresh token itself was not judged."),
                    429 => (ErrorIds.RateLimitExceeded, PinErrorKind.LimitsExceeded,
                        "The token endpoint's rate limit was still exceeded after the module's retries. Wait a minute and try again; the refresh token is unchanged."),
                    _ when status >= 500 => (ErrorIds.TokenEndpointUnavailable, PinErrorKind.ServerError,
                        "Pinterest's token endpoint failed to answer, also when retried. Try again later; the refresh token is unchanged and still valid."),
                    _ => (ErrorIds.TokenRequestFailed, PinErrorKind.AuthenticationFailed, "Pinterest refused the token request."),
                };
                throw new PinterestApiException(id, kind, $"{text} {answered}" + (requestId != null ? $" Request id: {requestId}." : ""),
                    "oauth/token", response.StatusCode, error.Code, apiMessage, requestId);
            }
            var answer = new ApiResponse(response.StatusCode, bytes, requestId, "oauth/token");
            TokenResponse token;
            using (var document = answer.Json(ErrorIds.TokenResponseInvalid))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw answer.Invalid("is not a JSON object.", null, ErrorIds.TokenResponseInvalid);
                try { token = TokenResponse.Parse(document.RootElement, _time.GetUtcNow()); }
                catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException || ex is ArgumentOutOfRangeException)
                {
                    throw answer.Invalid("has fields of the wrong type (access_token, refresh_token, expires_in).", ex, ErrorIds.TokenResponseInvalid);
                }
            }
            if (string.IsNullOrEmpty(token.AccessToken))
                throw new PinterestApiException(ErrorIds.TokenResponseInvalid, PinErrorKind.InvalidData,
                    "POST /oauth/token answered without an access_token.", "oauth/token", response.StatusCode);
            return token;
        }
    }
}
