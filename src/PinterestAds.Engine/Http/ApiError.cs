using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Http
{
    /// <summary>Pinterest's error body, <c>{"code": int, "message": string}</c>, read leniently.</summary>
    internal readonly struct ApiError
    {
        public ApiError(int? code, string? message)
        {
            Code = code;
            Message = message;
        }

        public int? Code { get; }
        public string? Message { get; }

        /// <summary>Reads the error body; the content stays buffered so others can read it again.</summary>
        public static async Task<ApiError> ReadAsync(HttpResponseMessage response)
        {
            if (response.Content == null) return default;
            try
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return Parse(text);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException || ex is ObjectDisposedException)
            {
                return default;
            }
        }

        public static ApiError Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return default;
            try
            {
                using var document = JsonDocument.Parse(text!);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return new ApiError(null, Truncate(text!));
                int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int n) ? n : (int?)null;
                string? message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return new ApiError(code, message);
            }
            catch (JsonException)
            {
                return new ApiError(null, Truncate(text!));
            }
        }

        private static string Truncate(string text) => text.Length <= 500 ? text : text.Substring(0, 500) + "...";
    }
}
