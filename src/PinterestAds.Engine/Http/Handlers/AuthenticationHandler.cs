using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Session;

namespace PinterestAds.Engine.Http.Handlers
{
    /// <summary>
    /// Adds the bearer token - only for the API's own host - refreshing it shortly before it expires,
    /// and once more when the API rejects it with 401 (code 2) while a refresh token is at hand.
    /// </summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        // Resolved per request: the token manager needs the token client, which is built alongside this handler.
        private readonly Func<TokenManager> _tokenManager;
        private readonly Uri _apiBaseUri;

        public AuthenticationHandler(Func<TokenManager> tokenManager, Uri apiBaseUri)
        {
            _tokenManager = tokenManager;
            _apiBaseUri = apiBaseUri;
        }

        private TokenManager Tokens => _tokenManager();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!IsApiHost(request.RequestUri))
                throw new InvalidOperationException("Refusing to send the API token to a host other than the API's.");

            var log = RequestContext.Of(request).Log;
            string token = await Tokens.GetAccessTokenAsync(log, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            if (response.StatusCode != HttpStatusCode.Unauthorized || !Tokens.CanRefresh) return response;

            log.Verbose("The API rejected the access token (401); refreshing it once and repeating the request.");
            string refreshed = await Tokens.RefreshAfterRejectionAsync(token, log, cancellationToken).ConfigureAwait(false);
            response.Dispose();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private bool IsApiHost(Uri? uri) =>
            uri != null && Uri.Compare(uri, _apiBaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
