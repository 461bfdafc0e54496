using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Replays bytes already read from a stream (to sniff its format) before the rest of it.
    /// </summary>
    internal sealed class PrefixedStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly Stream _inner;
        private int _prefixPosition;

        public PrefixedStream(byte[] prefix, int prefixLength, Stream inner)
        {
            _prefix = new byte[prefixLength];
            Buffer.BlockCopy(prefix, 0, _prefix, 0, prefixLength);
            _inner = inner;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_prefixPosition < _prefix.Length) return ReadPrefix(buffer, offset, count);
            return _inner.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_prefixPosition < _prefix.Length) return Task.FromResult(ReadPrefix(buffer, offset, count));
            return _inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        private int ReadPrefix(byte[] buffer, int offset, int count)
        {
            int copied = Math.Min(count, _prefix.Length - _prefixPosition);
            Buffer.BlockCopy(_prefix, _prefixPosition, buffer, offset, copied);
            _prefixPosition += copied;
            return copied;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
