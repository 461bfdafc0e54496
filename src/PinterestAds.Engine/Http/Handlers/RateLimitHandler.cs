using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Http.Handlers
{
    /// <summary>
    /// Takes a token from the session's budget for the request's rate-limit category before sending.
    /// When the budget is spent for longer than the module waits (the API said a daily limit was hit),
    /// fails fast without sending anything.
    /// </summary>
    internal sealed class RateLimitHandler : DelegatingHandler
    {
        private readonly RateLimitBudget _budget;
        private readonly SessionStatistics _statistics;
        private readonly RetryPolicy _policy;
        private readonly TimeProvider _time;

        public RateLimitHandler(RateLimitBudget budget, SessionStatistics statistics, RetryPolicy policy, TimeProvider time)
        {
            _time = time;
            _budget = budget;
            _statistics = statistics;
            _policy = policy;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            if (!await _budget.TryAcquireAsync(context.RateLimitCategory, _policy.MaxServerDelay, cancellationToken).ConfigureAwait(false))
            {
                var resetsAt = _time.GetUtcNow() + _budget.TimeUntilAvailable(context.RateLimitCategory);
                throw new PinterestRateLimitException(
                    $"Pinterest's '{context.RateLimitCategory}' rate limit is exhausted until {resetsAt:u}, as the API said earlier in this session; " +
                    "the request was not sent. Run again after the reset time.",
                    context.Operation?.Id, context.RateLimitCategory, resetsAt, null, null, null);
            }
            _statistics.CountRequest();
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
