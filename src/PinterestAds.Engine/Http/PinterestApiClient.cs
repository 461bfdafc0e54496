using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// Sends <see cref="ApiRequest"/>s through the session's long-lived authenticated HttpClient (whose
    /// handlers retry, budget, authenticate and log) and turns failures into <see cref="PinterestApiException"/>s.
    /// </summary>
    internal sealed class PinterestApiClient
    {
        private readonly HttpClient _http;
        private readonly Session.EnvironmentRules _environment;
        private readonly SecretMasker _secrets;

        public PinterestApiClient(HttpClient http, Uri baseUri, TimeSpan operationTimeout, Session.EnvironmentRules? environment = null, SecretMasker? secrets = null)
        {
            _http = http;
            _secrets = secrets ?? SecretMasker.None;
            BaseUri = baseUri;
            OperationTimeout = operationTimeout;
            _environment = environment ?? Session.EnvironmentRules.For(PinEnvironment.Production);
        }

        public Uri BaseUri { get; }

        /// <summary>How long one call may take in all, retries and waits included.</summary>
        public TimeSpan OperationTimeout { get; }

        public async Task<ApiResponse> SendAsync(ApiRequest request, IPinLog log, CancellationToken cancellationToken)
        {
            // What the session's environment lacks (the sandbox's x-sandbox: disabled) is refused unsent.
            _environment.EnsureSupports(request.Operation);
            using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            overall.CancelAfter(OperationTimeout);
            using var message = new HttpRequestMessage(request.Method, request.BuildUri(BaseUri)) { Content = request.BuildContent() };
            new RequestContext(request.Operation, log).AttachTo(message);
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, overall.Token).ConfigureAwait(false);
                byte[] body = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw ErrorFor(request, response.StatusCode, ApiError.Parse(System.Text.Encoding.UTF8.GetString(body)), ResponseHeaders.RequestIdOf(response), _secrets);
                return new ApiResponse(response.StatusCode, body, ResponseHeaders.RequestIdOf(response), request.Operation.Id);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && overall.IsCancellationRequested)
            {
                throw new PinterestApiException(ErrorIds.OperationTimedOut, PinErrorKind.Timeout,
                    $"{request.Operation.Id} did not complete within {OperationTimeout.TotalSeconds:0} s, retries included. Try again later or raise -OperationTimeoutSec on Connect-PinAccount.",
                    request.Operation.Id, innerException: ex);
            }
        }

        /// <summary>The error for a non-success answer; the API's own message is shown with every secret of the session masked.</summary>
        public static PinterestApiException ErrorFor(ApiRequest request, HttpStatusCode status, ApiError error, string? requestId, SecretMasker? secrets = null)
        {
            secrets ??= SecretMasker.None;
            int code = (int)status;
            string? maskedMessage = secrets.MaskOrNull(error.Message);
            string apiMessage = maskedMessage ?? "(no message)";
            string detail = $"{request.Operation.Method} {request.Operation.PathTemplate} answered {code}" +
                            (error.Code.HasValue ? $" (code {error.Code})" : "") + $": {apiMessage}";
            string rid = requestId != null ? $" Request id: {requestId}." : "";
            (string id, PinErrorKind kind, string hint) = code switch
            {
                400 => (ErrorIds.ApiBadRequest, PinErrorKind.InvalidArgument, "Pinterest refused the request as invalid."),
                401 => (ErrorIds.AuthenticationFailed, PinErrorKind.AuthenticationFailed,
                    "Pinterest did not accept the access token: it is wrong, expired or revoked, or a sandbox token was used against production (or the reverse). Reconnect with Connect-PinAccount."),
                403 => (ErrorIds.PermissionDenied, PinErrorKind.PermissionDenied,
                    "The token's user may not read this: it must be Owner, Admin, Analyst or Campaign Manager of the ad account, and the app needs the ads:read scope."),
                404 => (ErrorIds.NotFound, PinErrorKind.NotFound, "Pinterest found no such object; check the ids."),
                429 => (ErrorIds.RateLimitExceeded, PinErrorKind.LimitsExceeded,
                    "Pinterest's rate limit was still exceeded after the module's retries. Wait a minute, or lower -ThrottleLimit."),
                _ when code >= 500 => (ErrorIds.ServerError, PinErrorKind.ServerError, "Pinterest failed to answer; it was retried where that was safe. Try again later."),
                _ => (ErrorIds.ApiError, PinErrorKind.OperationFailed, "Pinterest refused the request."),
            };
            return new PinterestApiException(id, kind, $"{hint} {detail}.{rid}", request.Operation.Id, status, error.Code, maskedMessage, requestId);
        }
    }
}
