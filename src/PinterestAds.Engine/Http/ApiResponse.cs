using System.Net;
using System.Text.Json;

namespace PinterestAds.Engine.Http
{
    /// <summary>A successful API response, read completely (and within its size cap).</summary>
    internal sealed class ApiResponse
    {
        private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);

        public ApiResponse(HttpStatusCode statusCode, byte[] body, string? requestId, string? operationId = null)
        {
            StatusCode = statusCode;
            Body = body;
            RequestId = requestId;
            OperationId = operationId;
        }

        public HttpStatusCode StatusCode { get; }
        public byte[] Body { get; }
        public string? RequestId { get; }

        /// <summary>The operation that answered, for errors.</summary>
        public string? OperationId { get; }

        /// <summary>
        /// The body as JSON. HTML from a proxy, a body cut off mid-way or bytes that are not UTF-8 become
        /// <c>ApiResponseInvalid</c>, a typed error naming the operation - never a raw parser exception.
        /// </summary>
        public JsonDocument Json() => Json(ErrorIds.ApiResponseInvalid);

        public JsonDocument Json(string errorId)
        {
            // JsonDocument checks UTF-8 only when a string is read, long after parsing: check it first.
            try
            {
                StrictUtf8.GetCharCount(Body);
            }
            catch (System.Text.DecoderFallbackException ex)
            {
                throw Invalid($"is not valid UTF-8 (at byte {ex.Index}).", ex, errorId);
            }
            try
            {
                return JsonDocument.Parse(Body.Length == 0 ? new byte[] { (byte)'{', (byte)'}' } : Body);
            }
            catch (JsonException ex)
            {
                throw Invalid($"is not valid JSON ({Start()}): {ex.Message}", ex, errorId);
            }
        }

        /// <summary>A typed error for an answer that parsed but does not have the shape the description gives.</summary>
        public PinterestApiException Invalid(string what, System.Exception? inner = null, string errorId = ErrorIds.ApiResponseInvalid) =>
            new PinterestApiException(errorId, PinErrorKind.InvalidData,
                $"The answer of {OperationId ?? "the API"} {what} Nothing from it was used; the server (or a proxy in between) is broken. Try again later." +
                (RequestId != null ? $" Request id: {RequestId}." : ""),
                OperationId, StatusCode, requestId: RequestId, innerException: inner);

        // What came instead, without echoing the bytes (they may hold anything, secrets included).
        private string Start()
        {
            foreach (byte b in Body)
            {
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n') continue;
                return b == '<' ? "it starts with '<', an HTML or XML page" : b >= 0x20 && b < 0x7F ? $"it starts with '{(char)b}'" : $"it starts with byte 0x{b:X2}";
            }
            return "it is blank";
        }
    }
}
