using System;
using System.IO;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Base of the read-only, forward-only streams that wrap a download body: everything but reading is
    /// refused, and disposing the wrapper disposes the body it owns.
    /// </summary>
    internal abstract class ReadOnlyWrappingStream : Stream
    {
        protected ReadOnlyWrappingStream(Stream inner) => Inner = inner;

        protected Stream Inner { get; }

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
            if (disposing) Inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
