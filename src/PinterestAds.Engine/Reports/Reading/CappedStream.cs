using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// A read-only pass-through that stops with <see cref="ContentCapExceededException"/> once more than
    /// <see cref="Cap"/> bytes came through: an endless body or a gzip bomb ends at the cap, not in memory or on disk.
    /// </summary>
    internal sealed class CappedStream : ReadOnlyWrappingStream
    {
        private long _passed;

        public CappedStream(Stream inner, long cap, string capName) : base(inner)
        {
            Cap = cap;
            CapName = capName;
        }

        public long Cap { get; }

        public string CapName { get; }

        /// <summary>The bytes that came through so far.</summary>
        public long Passed => _passed;

        public override int Read(byte[] buffer, int offset, int count) => Count(Inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int read)
        {
            _passed += read;
            if (_passed > Cap) throw new ContentCapExceededException(Cap, CapName);
            return read;
        }
    }

    /// <summary>More bytes came than a documented cap allows.</summary>
    internal sealed class ContentCapExceededException : IOException
    {
        public ContentCapExceededException(long cap, string capName)
            : base($"more than {cap:N0} bytes ({capName})")
        {
            Cap = cap;
            CapName = capName;
        }

        public long Cap { get; }

        public string CapName { get; }
    }
}
