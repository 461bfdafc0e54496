using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// A read-only pass-through stream that counts bytes and throws
    /// <see cref="TruncatedDownloadException"/> when the inner stream ends before the declared
    /// length, or delivers more than it. Wrap the raw (still compressed) response body.
    /// </summary>
    public sealed class LengthCheckedStream : Stream
    {
        private readonly Stream _inner;
        private readonly bool _leaveOpen;
        private long _received;

        /// <summary>Wraps <paramref name="inner"/>, which must deliver exactly <paramref name="expectedLength"/> bytes.</summary>
        public LengthCheckedStream(Stream inner, long expectedLength, bool leaveOpen = false)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            if (expectedLength < 0) throw new ArgumentOutOfRangeException(nameof(expectedLength), expectedLength, "The expected length cannot be negative.");
            ExpectedLength = expectedLength;
            _leaveOpen = leaveOpen;
        }

        /// <summary>The declared length.</summary>
        public long ExpectedLength { get; }

        /// <summary>Bytes delivered so far.</summary>
        public long BytesReceived => _received;

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count), count);

        /// <inheritdoc />
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false), count);

        private int Count(int read, int requested)
        {
            if (read == 0 && requested > 0 && _received < ExpectedLength)
            {
                throw new TruncatedDownloadException(ExpectedLength, _received);
            }
            _received += read;
            if (_received > ExpectedLength) throw new TruncatedDownloadException(ExpectedLength, _received);
            return read;
        }

        /// <inheritdoc />
        public override bool CanRead => true;

        /// <inheritdoc />
        public override bool CanSeek => false;

        /// <inheritdoc />
        public override bool CanWrite => false;

        /// <inheritdoc />
        public override long Length => ExpectedLength;

        /// <inheritdoc />
        public override long Position
        {
            get => _received;
            set => throw new NotSupportedException("A download stream cannot seek.");
        }

        /// <inheritdoc />
        public override void Flush()
        {
        }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A download stream cannot seek.");

        /// <inheritdoc />
        public override void SetLength(long value) => throw new NotSupportedException("A download stream is read-only.");

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A download stream is read-only.");

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing && !_leaveOpen) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
