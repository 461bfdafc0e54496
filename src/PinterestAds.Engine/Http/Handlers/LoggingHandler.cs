using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Http.Handlers
{
    /// <summary>
    /// One verbose line per attempt (method, redacted URL, status, milliseconds, request id); with debug,
    /// the bodies too, redacted and size-capped. Sits closest to the wire so every attempt is seen.
    /// </summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        private const int MaxLoggedBodyChars = 4096;

        private readonly SecretMasker _secrets;

        public LoggingHandler(SecretMasker? secrets = null) => _secrets = secrets ?? SecretMasker.None;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            var log = context.Log;
            // Pre-signed download links carry their credentials in the query: mask all of it.
            string url = Redactor.Url(request.RequestUri, maskAllQueryValues: context.Operation == null);
            if (log.IsDebugEnabled && request.Content != null)
            {
                string body = await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"{request.Method} {url} request body: {_secrets.Mask(Redactor.Body(body, MaxLoggedBodyChars))}");
            }

            var stopwatch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Exception ex)
            {
                if (log.IsVerboseEnabled)
                    log.Verbose($"{request.Method} {url} failed after {stopwatch.ElapsedMilliseconds} ms: {_secrets.Mask(ex.GetBaseException().Message)}");
                throw;
            }

            if (log.IsVerboseEnabled)
            {
                string rid = ResponseHeaders.RequestIdOf(response) ?? "-";
                log.Verbose($"{request.Method} {url} -> {(int)response.StatusCode} {response.ReasonPhrase} in {stopwatch.ElapsedMilliseconds} ms (x-pinterest-rid {rid})");
            }
            // Downloads are streamed to the caller; only API responses are read for the debug log - with the
            // attempt's token and the size cap, so a stalled or endless body ends as it does without -Debug.
            if (log.IsDebugEnabled && context.Operation != null && response.Content != null)
            {
                try
                {
                    await ResponseBuffer.BufferAsync(response, context, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"{request.Method} {url} response body: {_secrets.Mask(Redactor.Body(body, MaxLoggedBodyChars))}");
            }
            return response;
        }
    }
}
