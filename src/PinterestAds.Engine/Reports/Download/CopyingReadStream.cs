using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// A download body read once: every chunk read through it is also written to a copy (the temporary
    /// file), so the shape check can read the body as it arrives while the file fills, instead of a second
    /// pass over the file afterwards. <see cref="DrainAsync"/> copies what the reader left (bytes after a
    /// gzip member, the rest after a failed check), so the copy always holds the whole body.
    /// </summary>
    internal sealed class CopyingReadStream : ReadOnlyWrappingStream
    {
        private const int DrainBufferBytes = 256 * 1024;

        private readonly Stream _copy;

        public CopyingReadStream(Stream inner, Stream copy) : base(inner) => _copy = copy;

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int read = await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            if (read > 0) await _copy.WriteAsync(buffer, offset, read, cancellationToken).ConfigureAwait(false);
            return read;
        }

        /// <summary>Reads (and copies) the body to its end.</summary>
        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[DrainBufferBytes];
            while (await ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
    }
}
