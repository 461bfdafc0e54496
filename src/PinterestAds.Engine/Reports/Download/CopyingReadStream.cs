using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// A download body read once: every chunk read through it is also written to a copy (the temporary
    /// file), so the shape check can read the body as it arrives while the file fills, instead of a second
    /// pass over the file afterwards. Each chunk is written while the next one is read and checked (one write
    /// in flight, from a buffer of its own), so the file costs the download no time of its own.
    /// <see cref="DrainAsync"/> copies what the reader left (bytes after a gzip member, the rest after a failed
    /// check) and waits for the last write, so the copy then holds the whole body.
    /// </summary>
    internal sealed class CopyingReadStream : ReadOnlyWrappingStream
    {
        private const int DrainBufferBytes = 256 * 1024;

        private readonly Stream _copy;
        private byte[] _writing = Array.Empty<byte>();
        private byte[] _spare = Array.Empty<byte>();
        private Task _pendingWrite = Task.CompletedTask;

        public CopyingReadStream(Stream inner, Stream copy) : base(inner) => _copy = copy;

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int read = await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                // The caller reuses its buffer as soon as this returns: the write gets a copy, and the previous
                // write must be done before its buffer is taken again.
                await _pendingWrite.ConfigureAwait(false);
                byte[] chunk = _spare.Length >= read ? _spare : new byte[Math.Max(read, 64 * 1024)];
                Buffer.BlockCopy(buffer, offset, chunk, 0, read);
                _spare = _writing;
                _writing = chunk;
                _pendingWrite = _copy.WriteAsync(chunk, 0, read, cancellationToken);
            }
            return read;
        }

        /// <summary>Reads (and copies) the body to its end, and waits until the copy holds all of it.</summary>
        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[DrainBufferBytes];
            while (await ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
            await _pendingWrite.ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            // A failed download is thrown away with its file; a write still running must not outlive the file. Its own
            // failure, if any, changes nothing: the download has already failed (a whole one awaited every write).
            if (disposing)
            {
                try { _pendingWrite.GetAwaiter().GetResult(); }
                catch (Exception) { }
            }
            base.Dispose(disposing);
        }
    }
}
