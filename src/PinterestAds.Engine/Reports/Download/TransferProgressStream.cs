using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Counts the bytes read through it and tells <c>onBytes</c> the running total after every read, for a
    /// download's progress bar (the listener throttles what it shows). Reads pass through unchanged.
    /// </summary>
    internal sealed class TransferProgressStream : ReadOnlyWrappingStream
    {
        private readonly Action<long> _onBytes;
        private long _bytes;

        public TransferProgressStream(Stream inner, Action<long> onBytes) : base(inner) => _onBytes = onBytes;

        public override int Read(byte[] buffer, int offset, int count) => Counted(Inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Counted(int read)
        {
            if (read > 0)
            {
                _bytes += read;
                _onBytes(_bytes);
            }
            return read;
        }
    }
}
