using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// A read-only pass-through over a download body where every read must deliver within an idle timeout
    /// and honours cancellation (Ctrl+C), even the blocking reads of the pipeline thread. A stalled
    /// download therefore ends with a typed error instead of hanging. A connection that breaks before
    /// the declared length arrived is reported as a truncated download.
    /// </summary>
    internal sealed class IdleTimeoutStream : Reading.ReadOnlyWrappingStream
    {
        private readonly TimeSpan _idleTimeout;
        private readonly CancellationToken _cancellation;
        private readonly string _what;
        private readonly long? _expectedLength;
        private long _received;

        public IdleTimeoutStream(Stream inner, TimeSpan idleTimeout, CancellationToken cancellation, string what, long? expectedLength = null)
            : base(inner)
        {
            _idleTimeout = idleTimeout;
            _cancellation = cancellation;
            _what = what;
            _expectedLength = expectedLength;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellation, cancellationToken);
            linked.CancelAfter(_idleTimeout);
            try
            {
                int read = await Inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
                _received += read;
                return read;
            }
            catch (IOException) when (_expectedLength.HasValue && _received < _expectedLength.Value && !linked.IsCancellationRequested)
            {
                // HttpClient reports a connection closed short of Content-Length as an IOException.
                throw new Reading.TruncatedDownloadException(_expectedLength.Value, _received);
            }
            catch (Exception ex) when (IsIdle(ex, cancellationToken))
            {
                throw new PinterestException(ErrorIds.ReportDownloadStalled, PinErrorKind.Timeout,
                    $"The download of {_what} received nothing for {_idleTimeout.TotalSeconds:0} s and was abandoned; the data is incomplete. " +
                    "Run Receive-PinReport again (the link is refreshed while the report lives), or raise -IdleTimeoutSec.", ex);
            }
        }

        // The idle timer fired (not the user's Ctrl+C, not the caller's token).
        private bool IsIdle(Exception ex, CancellationToken callerToken) =>
            (ex is OperationCanceledException || ex is IOException && ex.InnerException is OperationCanceledException) && !_cancellation.IsCancellationRequested && !callerToken.IsCancellationRequested;
    }
}
