using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Replays bytes already read from a stream (to sniff its format) before the rest of it.
    /// </summary>
    internal sealed class PrefixedStream : ReadOnlyWrappingStream
    {
        private readonly byte[] _prefix;
        private int _prefixPosition;

        public PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : base(inner)
        {
            _prefix = new byte[prefixLength];
            Buffer.BlockCopy(prefix, 0, _prefix, 0, prefixLength);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_prefixPosition < _prefix.Length) return ReadPrefix(buffer, offset, count);
            return Inner.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_prefixPosition < _prefix.Length) return Task.FromResult(ReadPrefix(buffer, offset, count));
            return Inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        private int ReadPrefix(byte[] buffer, int offset, int count)
        {
            int copied = Math.Min(count, _prefix.Length - _prefixPosition);
            Buffer.BlockCopy(_prefix, _prefixPosition, buffer, offset, copied);
            _prefixPosition += copied;
            return copied;
        }
    }
}
