using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Prepares a downloaded report body for the readers: decompresses gzip found by its magic
    /// bytes (1F 8B), whatever Content-Encoding claimed, and again if the content was gzipped
    /// twice.
    /// </summary>
    /// <remarks>
    /// Typical use on a downloaded file: <c>OpenDecoded(file, ct)</c>, then a <see cref="CsvReportReader"/> or
    /// <see cref="JsonReportReader"/>.
    /// </remarks>
    public static class ReportContent
    {
        private const int MaxGzipLayers = 3;

        /// <summary>True when the bytes start with the gzip magic number.</summary>
        public static bool IsGzip(ReadOnlySpan<byte> firstBytes) =>
            firstBytes.Length >= 2 && firstBytes[0] == 0x1F && firstBytes[1] == 0x8B;

        /// <summary>Returns a stream of the decoded content; disposing it disposes <paramref name="content"/>.</summary>
        public static Stream OpenDecoded(Stream content, CancellationToken cancellationToken = default)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            Stream current = content;
            for (int layer = 0; layer <= MaxGzipLayers; layer++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var head = new byte[2];
                int read = ReadAtMost(current, head, cancellationToken);
                current = Rewind(current, head, read);
                if (!IsGzip(head.AsSpan(0, read))) return current;
                current = new GZipStream(current, CompressionMode.Decompress, leaveOpen: false);
            }
            throw new InvalidDataException($"The report content is gzip-compressed more than {MaxGzipLayers} times; refusing to unpack it further.");
        }

        /// <summary>As <see cref="OpenDecoded"/>, sniffing with asynchronous reads (for a body still arriving).</summary>
        internal static async Task<Stream> OpenDecodedAsync(Stream content, CancellationToken cancellationToken)
        {
            Stream current = content;
            for (int layer = 0; layer <= MaxGzipLayers; layer++)
            {
                var head = new byte[2];
                int read = await ReadAtMostAsync(current, head, cancellationToken).ConfigureAwait(false);
                current = Rewind(current, head, read);
                if (!IsGzip(head.AsSpan(0, read))) return current;
                current = new GZipStream(current, CompressionMode.Decompress, leaveOpen: false);
            }
            throw new InvalidDataException($"The report content is gzip-compressed more than {MaxGzipLayers} times; refusing to unpack it further.");
        }

        /// <summary>As <see cref="ReadAtMost"/>, with asynchronous reads.</summary>
        internal static async Task<int> ReadAtMostAsync(Stream stream, byte[] head, CancellationToken cancellationToken)
        {
            int read = 0;
            while (read < head.Length)
            {
                int n = await stream.ReadAsync(head, read, head.Length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
            return read;
        }

        /// <summary>Reads until <paramref name="head"/> is full or the stream ends; the bytes read (the one head-sniffing read).</summary>
        internal static int ReadAtMost(Stream stream, byte[] head, CancellationToken cancellationToken)
        {
            int read = 0;
            while (read < head.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = stream.Read(head, read, head.Length - read);
                if (n == 0) break;
                read += n;
            }
            return read;
        }

        // Seekable sources are rewound (keeping them seekable for the JSON key pre-scan);
        // others replay the sniffed bytes.
        private static Stream Rewind(Stream stream, byte[] head, int read)
        {
            if (stream.CanSeek)
            {
                stream.Seek(-read, SeekOrigin.Current);
                return stream;
            }
            return new PrefixedStream(head, read, stream);
        }
    }
}
