using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs engine work on the thread pool while the pipeline thread writes what it produces.
    /// PowerShell's Write* methods may only be called from the pipeline thread, so the work hands
    /// objects and messages over through a bounded queue (which also keeps a fast producer from
    /// buffering a whole report); the pipeline thread writes them in order as they arrive.
    /// </summary>
    internal sealed class PipelinePump : IPinLog
    {
        private const int Capacity = 4096;

        private readonly Cmdlet _cmdlet;
        private readonly BlockingCollection<Action<Cmdlet>> _queue = new BlockingCollection<Action<Cmdlet>>(Capacity);
        private CancellationToken _cancellation;

        public PipelinePump(Cmdlet cmdlet, bool verbose, bool debug)
        {
            _cmdlet = cmdlet;
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public void Output(object item) => Enqueue(c => Write(c, item));

        /// <summary>
        /// Writes an item and waits until the pipeline has taken it, so a paged listing requests its next
        /// page only when downstream still wants items (Select-Object -First stops the requests).
        /// </summary>
        public async Task OutputAndWaitAsync(object item)
        {
            var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (_cancellation.Register(() => written.TrySetCanceled()))
            {
                Enqueue(c =>
                {
                    Write(c, item);
                    written.TrySetResult(true);
                });
                await written.Task.ConfigureAwait(false);
            }
        }

        // Rows get their table view registered; entities go out as their hiding host type.
        private static void Write(Cmdlet cmdlet, object item)
        {
            if (cmdlet is PSCmdlet host)
            {
                Loading.ModuleViews.Ensure(host);
                RowTableViews.Ensure(host, item);
            }
            Completion.SeenIds.Remember(item);
            cmdlet.WriteObject(Engine.Formatting.HostTypes.ForHost(item));
        }

        public void Verbose(string message) { if (IsVerboseEnabled) Enqueue(c => c.WriteVerbose(message)); }

        public void Debug(string message) { if (IsDebugEnabled) Enqueue(c => c.WriteDebug(message)); }

        public void Warning(string message) => Enqueue(c => c.WriteWarning(message));

        /// <summary>A non-terminating error: this item failed, the others go on.</summary>
        public void Error(ErrorRecord record) => Enqueue(c => c.WriteError(record));

        public void Progress(ProgressRecord record) => Enqueue(c => c.WriteProgress(record));

        /// <summary>Runs any pipeline-thread action (e.g. ShouldProcess) and waits for its result.</summary>
        public T OnPipelineThread<T>(Func<Cmdlet, T> action)
        {
            var done = new TaskCompletionSource<T>();
            Enqueue(c =>
            {
                try { done.SetResult(action(c)); }
                catch (Exception ex) { done.SetException(ex); }
            });
            return done.Task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Runs <paramref name="work"/> and writes what it queues until it ends. Exceptions of the work are
        /// rethrown here, on the pipeline thread; cancellation becomes PipelineStoppedException.
        /// </summary>
        public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _cancellation = linked.Token;
            var task = Task.Run(async () =>
            {
                try { await work(linked.Token).ConfigureAwait(false); }
                finally { _queue.CompleteAdding(); }
            });

            try
            {
                foreach (var action in _queue.GetConsumingEnumerable()) action(_cmdlet);
            }
            catch
            {
                // Downstream stopped (Select-Object -First) or a write failed: stop the work too.
                linked.Cancel();
                Drain();
                throw;
            }

            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private void Enqueue(Action<Cmdlet> action)
        {
            try
            {
                _queue.Add(action, _cancellation);
            }
            catch (InvalidOperationException)
            {
                // The pump already finished (the work raced past its end): nothing will be written.
                throw new OperationCanceledException(_cancellation);
            }
        }

        /// <summary>Lets a producer blocked on a full queue see the cancellation and finish.</summary>
        private void Drain()
        {
            while (_queue.TryTake(out _)) { }
        }
    }
}
