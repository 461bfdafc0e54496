namespace PinterestAds.Engine.Tests.Support;

/// <summary>Bodies a broken or hostile server sends, for the download and HTTP tests.</summary>
internal static class TestStreams
{
    /// <summary>Read-only and not seekable (so no Content-Length is computed for it).</summary>
    public abstract class ForwardOnly : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The bytes given, then (optionally) an IOException like a reset connection after <paramref name="resetAfter"/> bytes.</summary>
    public sealed class Unsized(byte[] bytes, int? resetAfter = null) : ForwardOnly
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (resetAfter.HasValue && _position >= resetAfter.Value) throw new IOException("Connection reset by peer");
            int limit = resetAfter.HasValue ? Math.Min(bytes.Length, resetAfter.Value) : bytes.Length;
            int n = Math.Min(count, limit - _position);
            Buffer.BlockCopy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }

    /// <summary>The same byte (or a line of it) for ever.</summary>
    public sealed class Endless(byte filler = (byte)'x', int lineLength = 64) : ForwardOnly
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = lineLength > 0 && i % lineLength == lineLength - 1 ? (byte)'\n' : filler;
            return count;
        }
    }

    /// <summary>Delivers some bytes, then blocks every read until cancelled.</summary>
    public sealed class Stalling(byte[] first) : MemoryStream(first)
    {
        public override bool CanSeek => false;

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            int n = await base.ReadAsync(buffer, offset, count, ct);
            if (n > 0) return n;
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            int n = await base.ReadAsync(buffer, ct);
            if (n > 0) return n;
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }
    }
}
