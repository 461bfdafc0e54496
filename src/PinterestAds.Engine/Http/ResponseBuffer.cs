using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// Reads an API response body into memory with a size cap and with the caller's cancellation on every
    /// read (netstandard2.0's <c>LoadIntoBufferAsync</c> takes no token, so a body that stalls would hang it).
    /// The content is replaced by the buffered bytes, headers kept, so later readers see the same body.
    /// </summary>
    internal static class ResponseBuffer
    {
        /// <summary>The documented cap for an operation's answers (see about_PinterestAds).</summary>
        public static long CapFor(RequestContext context)
        {
            string? id = context.Operation?.Id;
            if (id == "oauth/token") return ApiLimits.MaxTokenResponseBytes;
            if (id != null && id.EndsWith("/analytics", StringComparison.Ordinal)) return ApiLimits.MaxAnalyticsResponseBytes;
            return ApiLimits.MaxApiResponseBytes;
        }

        public static string KindOf(RequestContext context)
        {
            string? id = context.Operation?.Id;
            if (id == "oauth/token") return "token";
            if (id != null && id.EndsWith("/analytics", StringComparison.Ordinal)) return "analytics";
            return "API";
        }

        /// <summary>True when the content is already in memory (read by an inner handler).</summary>
        public static bool IsBuffered(HttpResponseMessage response) => response.Content is BufferedContent;

        public static async Task BufferAsync(HttpResponseMessage response, RequestContext context, CancellationToken cancellationToken)
        {
            if (response.Content == null || IsBuffered(response)) return;
            long cap = CapFor(context);
            var original = response.Content;
            long? declared = original.Headers.ContentLength;
            if (declared.HasValue && declared.Value > cap && original.Headers.ContentEncoding.Count == 0) throw TooLarge(context, cap, declared.Value);

            byte[] bytes;
            // Disposing the response aborts a read that ignores the token (defence in depth).
            using (cancellationToken.Register(response.Dispose))
            {
                using var stream = await original.ReadAsStreamAsync().ConfigureAwait(false);
                using var memory = new MemoryStream(declared.HasValue && declared.Value <= cap ? (int)declared.Value : 16 * 1024);
                var chunk = new byte[16 * 1024];
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    if (memory.Length + read > cap) throw TooLarge(context, cap, null);
                    memory.Write(chunk, 0, read);
                }
                bytes = memory.ToArray();
            }
            cancellationToken.ThrowIfCancellationRequested();
            var buffered = new BufferedContent(bytes);
            foreach (var header in original.Headers)
            {
                if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = buffered;
            original.Dispose();
        }

        private static PinterestApiException TooLarge(RequestContext context, long cap, long? declared) =>
            new PinterestApiException(ErrorIds.ResponseTooLarge, PinErrorKind.InvalidData,
                $"{context.OperationName} answered with a body {(declared.HasValue ? $"of {declared.Value:N0} bytes" : "larger than the cap")}; " +
                $"the module reads at most {cap / (1024 * 1024):N0} MiB of an answer of kind '{KindOf(context)}' (the response size cap) and stopped reading. " +
                "The server is broken or hostile; nothing from this answer was used.",
                context.Operation?.Id);

        /// <summary>Marks content this class has read.</summary>
        private sealed class BufferedContent : ByteArrayContent
        {
            public BufferedContent(byte[] bytes) : base(bytes) { }
        }
    }
}
