using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Http.Handlers
{
    /// <summary>
    /// Retries what is safe to retry: 429 (the request was not processed), 5xx and network faults for
    /// requests that change nothing (GET), transient 400s of the sync and targeting analytics operations ("Retry after N
    /// seconds", code 12). A POST is re-sent only when it certainly never reached the server (connection
    /// refused) or was refused with 429. Waits honour Retry-After and X-RateLimit-Reset; a wait beyond the
    /// policy's cap fails fast with <see cref="PinterestRateLimitException"/>.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private static readonly Regex RetryAfterMessage = new Regex(@"retry after (\d+(?:\.\d+)?(?:e\+?\d+)?) seconds?", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        private readonly RetryPolicy _policy;
        private readonly RateLimitBudget _budget;
        private readonly SessionStatistics _statistics;
        private readonly Jitter _jitter;
        private readonly TimeProvider _time;
        private readonly SecretMasker _secrets;

        public RetryHandler(RetryPolicy policy, RateLimitBudget budget, SessionStatistics statistics, Jitter jitter, TimeProvider time, SecretMasker? secrets = null)
        {
            _jitter = jitter;
            _time = time;
            _policy = policy;
            _budget = budget;
            _statistics = statistics;
            _secrets = secrets ?? SecretMasker.None;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            bool changesState = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head;
            for (int retry = 0; ; retry++)
            {
                bool lastAttempt = retry >= _policy.MaxRetries;
                HttpResponseMessage response;
                using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attemptTimeout.CancelAfter(_policy.RequestTimeout);
                    try
                    {
                        response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                        // API answers are small: read them here, so a body cut off mid-way is a transport
                        // fault this loop retries, not a surprise for the caller. Downloads stream instead.
                        if (context.Operation != null && response.Content != null)
                            await BufferAsync(response, context, attemptTimeout.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFault(ex))
                    {
                        bool timedOut = attemptTimeout.IsCancellationRequested;
                        bool neverSent = IsConnectionRefused(ex);
                        if (lastAttempt || (changesState && !neverSent))
                            throw TransportError(context, request, ex, timedOut, retry);
                        var delay = _policy.Backoff(retry + 1, _jitter);
                        Log(context, $"{request.Method} {context.OperationName}: {(timedOut ? "timed out" : Describe(ex))}; retrying in {Seconds(delay)} (retry {retry + 1} of {_policy.MaxRetries}).");
                        await Pause(delay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var decision = await DecideAsync(response, context, changesState, retry).ConfigureAwait(false);
                if (decision == null || lastAttempt) return response;

                response.Dispose();
                Log(context, $"{request.Method} {context.OperationName}: {decision.Value.Reason}; retrying in {Seconds(decision.Value.Delay)} (retry {retry + 1} of {_policy.MaxRetries}).");
                await Pause(decision.Value.Delay, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Null when the response is final; otherwise why and how long to wait.</summary>
        private async Task<(string Reason, TimeSpan Delay)?> DecideAsync(HttpResponseMessage response, RequestContext context, bool changesState, int retry)
        {
            int status = (int)response.StatusCode;
            if (status == 429)
            {
                var advertised = ResponseHeaders.RetryDelay(response, _time.GetUtcNow());
                if (advertised.HasValue)
                {
                    _budget.Exhaust(context.RateLimitCategory, advertised.Value);
                    if (advertised.Value > _policy.MaxServerDelay)
                        throw await RateLimitBeyondCapAsync(response, context, advertised.Value).ConfigureAwait(false);
                }
                // A reset already past (clock skew) says nothing about when to retry: back off as usual.
                var delay = advertised.HasValue && advertised.Value > TimeSpan.Zero ? advertised.Value : _policy.Backoff(retry + 1, _jitter);
                return ("rate limited (429)", delay + TimeSpan.FromMilliseconds(250 * _jitter.NextDouble()));
            }

            // The token endpoint's 502/503/504 mean the refresh was not processed (the gateway or the service was
            // down): the old refresh token is still the valid one, so the request is repeated.
            bool tokenEndpointUnavailable = context.Operation?.Id == "oauth/token" && (status == 502 || status == 503 || status == 504);
            if (changesState && !tokenEndpointUnavailable) return null;

            if (status == 500 || status == 502 || status == 503 || status == 504)
            {
                var advertised = ResponseHeaders.RetryDelay(response, _time.GetUtcNow());
                var delay = advertised.HasValue && advertised.Value <= _policy.MaxServerDelay ? advertised.Value : _policy.Backoff(retry + 1, _jitter);
                return ($"server error {status}", delay);
            }

            if (status == 400 && context.Operation != null && context.Operation.RetriesTransientBadRequest)
            {
                // Field reports: sync analytics sometimes answer 400 "Retry after N seconds", or code 12.
                var error = await ApiError.ReadAsync(response).ConfigureAwait(false);
                var match = RetryAfterMessage.Match(error.Message ?? "");
                if (match.Success)
                {
                    // "Retry after 99999999999 seconds" is read (clamped), not parsed into an overflow; beyond the cap
                    // the 400 stands as the answer, and its message says how long the API wanted.
                    double seconds = double.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : double.MaxValue;
                    var delay = ResponseHeaders.Clamp(seconds);
                    if (delay <= _policy.MaxServerDelay) return ("the API asked to retry later", delay);
                    Log(context, $"{context.OperationName}: the API asked to retry after {seconds:0} s, beyond the longest wait (-MaxRetryWaitSec {_policy.MaxServerDelay.TotalSeconds:0}); not retrying.");
                }
                else if (error.Code == 12 && retry < 2)
                    return ("transient error (code 12)", _policy.Backoff(retry + 1, _jitter));
            }
            return null;
        }

        private async Task<PinterestRateLimitException> RateLimitBeyondCapAsync(HttpResponseMessage response, RequestContext context, TimeSpan resetIn)
        {
            var error = await ApiError.ReadAsync(response).ConfigureAwait(false);
            var resetsAt = _time.GetUtcNow() + resetIn;
            string requestId = ResponseHeaders.RequestIdOf(response) ?? "none";
            return new PinterestRateLimitException(
                $"Pinterest's '{context.RateLimitCategory}' rate limit is exhausted until {resetsAt:u} (in {resetIn.TotalHours:0.#} hours), " +
                $"longer than the module waits ({_policy.MaxServerDelay.TotalSeconds:0} s). This is usually a daily limit (Trial access: 1,000 requests a day). " +
                $"Run again after the reset time. API message: {_secrets.Mask(error.Message)} (request id {requestId}).",
                context.Operation?.Id, context.RateLimitCategory, resetsAt, error.Code, _secrets.MaskOrNull(error.Message), ResponseHeaders.RequestIdOf(response));
        }

        private PinterestApiException TransportError(RequestContext context, HttpRequestMessage request, Exception ex, bool timedOut, int retries)
        {
            string target = Redactor.Url(request.RequestUri, maskAllQueryValues: context.Operation == null);
            string tries = retries == 0 ? "" : $" after {retries} retries";
            return timedOut
                ? new PinterestApiException(ErrorIds.RequestTimedOut, PinErrorKind.Timeout,
                    $"{request.Method} {target} did not answer within {_policy.RequestTimeout.TotalSeconds:0} s{tries}. Check the network or raise -RequestTimeoutSec on Connect-PinAccount.",
                    context.Operation?.Id, innerException: ex)
                : new PinterestApiException(ErrorIds.NetworkFailure, PinErrorKind.NetworkFailure,
                    $"{request.Method} {target} failed{tries}: {Describe(ex)}." +
                    (request.Method == HttpMethod.Get ? "" : " The request was not re-sent because it may have reached the server; check before repeating it."),
                    context.Operation?.Id, innerException: ex);
        }

        private static async Task BufferAsync(HttpResponseMessage response, RequestContext context, CancellationToken cancellationToken)
        {
            try
            {
                // Cancellable and size-capped (ResponseTooLarge), unlike LoadIntoBufferAsync.
                await ResponseBuffer.BufferAsync(response, context, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private static bool IsTransportFault(Exception ex) =>
            ex is HttpRequestException || ex is IOException || ex is OperationCanceledException || ex is SocketException;

        private static bool IsConnectionRefused(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused) return true;
            return false;
        }

        private static string Describe(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is SocketException socket) return $"{socket.SocketErrorCode} ({Redactor.Text(socket.Message)})";
            return Redactor.Text(ex.Message);
        }

        private Task Pause(TimeSpan delay, CancellationToken cancellationToken)
        {
            _statistics.CountRetry();
            return _time.Delay(delay, cancellationToken);
        }

        private static void Log(RequestContext context, string message) => context.Log.Verbose(message);

        private static string Seconds(TimeSpan delay) => $"{delay.TotalSeconds:0.0} s";
    }
}
