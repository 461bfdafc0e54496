using System.Net.Http;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// What the delegating handlers need to know about a request beyond the HTTP message itself:
    /// which operation it is (for the rate-limit category and errors) and where to log.
    /// Travels in <see cref="HttpRequestMessage.Properties"/>.
    /// </summary>
    internal sealed class RequestContext
    {
        private const string PropertyName = "PinterestAds.RequestContext";

        public RequestContext(ApiOperation? operation, IPinLog log)
        {
            Operation = operation;
            Log = log;
        }

        /// <summary>Null for requests outside the catalogue (pre-signed downloads).</summary>
        public ApiOperation? Operation { get; }

        public IPinLog Log { get; }

        public string RateLimitCategory => Operation?.RateLimitCategory ?? "download";

        public string OperationName => Operation?.Id ?? "download";

#pragma warning disable CS0618 // Properties is the only per-request bag on netstandard2.0.
        public void AttachTo(HttpRequestMessage request) => request.Properties[PropertyName] = this;

        public static RequestContext Of(HttpRequestMessage request) =>
            request.Properties.TryGetValue(PropertyName, out var value) && value is RequestContext context
                ? context
                : new RequestContext(null, NullPinLog.Instance);
#pragma warning restore CS0618
    }
}
