using Microsoft.AspNetCore.Http;

namespace PinterestAds.Emulator.Traffic;

/// <summary>
/// Wraps a response body and breaks it on purpose after some bytes: <c>reset</c> aborts the connection,
/// <c>truncate</c> closes it although Content-Length promised more, <c>stall</c> stops sending and waits
/// until the client gives up.
/// </summary>
internal sealed class FaultingStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpContext _context;
    private readonly FaultRule _rule;
    private long _written;
    private long? _cutoff;

    public FaultingStream(Stream inner, HttpContext context, FaultRule rule)
    {
        _inner = inner;
        _context = context;
        _rule = rule;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() => _inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _cutoff ??= _rule.AfterBytes ?? Math.Max(1, (_context.Response.ContentLength ?? 1024) / 2);
        if (_written + buffer.Length <= _cutoff)
        {
            _written += buffer.Length;
            await _inner.WriteAsync(buffer, cancellationToken);
            return;
        }
        var allowed = (int)Math.Max(0, _cutoff.Value - _written);
        if (allowed > 0) await _inner.WriteAsync(buffer[..allowed], cancellationToken);
        _written += allowed;
        await _inner.FlushAsync(cancellationToken);
        if (_rule.Kind == "stall")
        {
            // Send nothing more; hold the connection until the client gives up.
            await Task.Delay(Timeout.Infinite, _context.RequestAborted);
        }
        _context.Abort();
        throw new OperationCanceledException("Fault injected: " + _rule.Kind);
    }
}
