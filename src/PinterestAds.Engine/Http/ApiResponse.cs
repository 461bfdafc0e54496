using System.Net;
using System.Text.Json;

namespace PinterestAds.Engine.Http
{
    /// <summary>A successful API response, read completely.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(HttpStatusCode statusCode, byte[] body, string? requestId)
        {
            StatusCode = statusCode;
            Body = body;
            RequestId = requestId;
        }

        public HttpStatusCode StatusCode { get; }
        public byte[] Body { get; }
        public string? RequestId { get; }

        public JsonDocument Json() => JsonDocument.Parse(Body.Length == 0 ? new byte[] { (byte)'{', (byte)'}' } : Body);
    }
}
