using System;
using System.Net;

namespace PinterestAds
{
    /// <summary>
    /// The API answered with an error, or could not be reached. Carries what Pinterest said
    /// (<see cref="ApiCode"/>, <see cref="ApiMessage"/>) and the request id support will ask for.
    /// Never carries credentials: URLs in it are redacted.
    /// </summary>
    public class PinterestApiException : PinterestException
    {
        public PinterestApiException(string errorId, PinErrorKind kind, string message, string? operationId,
            HttpStatusCode? statusCode = null, int? apiCode = null, string? apiMessage = null, string? requestId = null,
            Exception? innerException = null)
            : base(errorId, kind, message, innerException)
        {
            OperationId = operationId;
            StatusCode = statusCode;
            ApiCode = apiCode;
            ApiMessage = apiMessage;
            RequestId = requestId;
        }

        /// <summary>The operationId of the description, e.g. <c>campaigns/analytics</c>.</summary>
        public string? OperationId { get; }

        public HttpStatusCode? StatusCode { get; }

        /// <summary>Pinterest's own error <c>code</c> (2 = authentication failed, 8 = rate limited, ...).</summary>
        public int? ApiCode { get; }

        /// <summary>Pinterest's own error <c>message</c>, shown to the user as is.</summary>
        public string? ApiMessage { get; }

        /// <summary>The <c>x-pinterest-rid</c> header of the failed response.</summary>
        public string? RequestId { get; }
    }

    /// <summary>
    /// A rate limit whose reset lies beyond what the module is willing to wait (for example a daily
    /// limit that resets in 18 hours). Fails fast instead of sleeping; <see cref="ResetsAt"/> says when to retry.
    /// </summary>
    public sealed class PinterestRateLimitException : PinterestApiException
    {
        public PinterestRateLimitException(string message, string? operationId, string rateLimitCategory, DateTimeOffset resetsAt,
            int? apiCode, string? apiMessage, string? requestId)
            : base(ErrorIds.RateLimitExceeded, PinErrorKind.LimitsExceeded, message, operationId, (HttpStatusCode)429, apiCode, apiMessage, requestId)
        {
            RateLimitCategory = rateLimitCategory;
            ResetsAt = resetsAt;
        }

        public string RateLimitCategory { get; }

        public DateTimeOffset ResetsAt { get; }
    }
}
