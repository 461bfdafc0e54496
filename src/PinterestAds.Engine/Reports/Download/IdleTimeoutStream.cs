using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// A read-only pass-through over a download body where every read must deliver within an idle timeout
    /// and honours cancellation (Ctrl+C), even the blocking reads of the pipeline thread. A stalled
    /// download therefore ends with a typed error instead of hanging. Only the idle timeout is its job:
    /// whether the body is shorter or longer than stated is <see cref="ReportDownload"/>'s one check.
    /// </summary>
    internal sealed class IdleTimeoutStream : Reading.ReadOnlyWrappingStream
    {
        private readonly TimeSpan _idleTimeout;
        private readonly CancellationToken _cancellation;
        private readonly string _what;

        public IdleTimeoutStream(Stream inner, TimeSpan idleTimeout, CancellationToken cancellation, string what)
            : base(inner)
        {
            _idleTimeout = idleTimeout;
            _cancellation = cancellation;
            _what = what;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellation, cancellationToken);
            linked.CancelAfter(_idleTimeout);
            try
            {
                return await Inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
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
