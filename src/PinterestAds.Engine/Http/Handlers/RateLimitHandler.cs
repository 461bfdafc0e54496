using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Http.Handlers
{
    /// <summary>Takes a token from the session's budget for the request's rate-limit category before sending.</summary>
    internal sealed class RateLimitHandler : DelegatingHandler
    {
        private readonly RateLimitBudget _budget;
        private readonly SessionStatistics _statistics;

        public RateLimitHandler(RateLimitBudget budget, SessionStatistics statistics)
        {
            _budget = budget;
            _statistics = statistics;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _budget.AcquireAsync(RequestContext.Of(request).RateLimitCategory, cancellationToken).ConfigureAwait(false);
            _statistics.CountRequest();
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
