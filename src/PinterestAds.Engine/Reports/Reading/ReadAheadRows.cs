using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Parses a verified report's rows on a worker thread while the caller (the cmdlet's pipeline thread)
    /// writes the rows parsed before them: parsing and PowerShell's per-object cost overlap instead of
    /// adding up. Rows travel in batches (one hand-over per <see cref="BatchSize"/> rows, not per row),
    /// at most <see cref="BatchesAhead"/> batches ahead, so memory stays flat whatever the report's length.
    /// </summary>
    /// <remarks>
    /// <para>Why so few rows ahead: every row parsed but not yet written survives each garbage collection the two threads
    /// trigger (a million rows allocate about half a gigabyte), and is copied to an older generation each time. With
    /// 512 rows x 8 batches ahead nearly every collection of a million-row receive was a gen1 one, and their pauses
    /// (both threads stop) cost 0.15-0.2 s; 256 x 2 keeps collections to gen0, while the worker still stays ahead.</para>
    /// <para>Order, rows and errors are exactly those of the source: a failure of the source comes out of
    /// <c>MoveNext</c> after every row parsed before it, with its original stack. Disposing the enumerator
    /// (the pipeline stopped, <c>Select-Object -First</c>) stops the worker and waits for it, so the file it
    /// reads can be closed right after. Only for sources that read a download already whole and verified:
    /// reading ahead never changes what is emitted, only when it is parsed.</para>
    /// </remarks>
    internal static class ReadAheadRows
    {
        internal const int BatchSize = 256;
        internal const int BatchesAhead = 2;

        /// <summary>The rows of <paramref name="source"/>, enumerated on a worker thread ahead of the caller.</summary>
        /// <param name="source">The rows.</param>
        /// <param name="cancellationToken">Stops the worker.</param>
        /// <param name="whileAhead">Work on a row that the caller would otherwise do itself later (a cache it fills), done on
        /// the worker only while the caller is behind - when the worker would wait for room anyway - and before the row is
        /// handed over. It must not change what the row is or shows.</param>
        public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellationToken, Action<T>? whileAhead = null)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            return new Enumerable<T>(source, cancellationToken, whileAhead);
        }

        private sealed class Enumerable<T> : IEnumerable<T>
        {
            private readonly IEnumerable<T> _source;
            private readonly CancellationToken _cancellationToken;
            private readonly Action<T>? _whileAhead;

            public Enumerable(IEnumerable<T> source, CancellationToken cancellationToken, Action<T>? whileAhead)
            {
                _source = source;
                _cancellationToken = cancellationToken;
                _whileAhead = whileAhead;
            }

            public IEnumerator<T> GetEnumerator() => new Enumerator<T>(_source, _cancellationToken, _whileAhead);

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private sealed class Enumerator<T> : IEnumerator<T>
        {
            private readonly BlockingCollection<T[]> _batches = new(new ConcurrentQueue<T[]>(), BatchesAhead);
            private readonly CancellationTokenSource _stop;
            private readonly Task _worker;
            private readonly Action<T>? _whileAhead;
            private ExceptionDispatchInfo? _failure;
            private T[] _batch = Array.Empty<T>();
            private int _index;
            private bool _disposed;

            public Enumerator(IEnumerable<T> source, CancellationToken cancellationToken, Action<T>? whileAhead)
            {
                _whileAhead = whileAhead;
                _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                CancellationToken stop = _stop.Token;
                _worker = Task.Factory.StartNew(() => Produce(source, stop), stop, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            public T Current { get; private set; } = default!;

            object? IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_disposed) return false;
                while (_index >= _batch.Length)
                {
                    // The worker completes the collection when the source ends or fails; a cancelled caller
                    // stops here too (the source sees the same token).
                    if (!_batches.TryTake(out T[]? next, Timeout.Infinite, _stop.Token))
                    {
                        _failure?.Throw();
                        // A worker stopped by cancellation ends the collection too: that is not the end of the rows.
                        _stop.Token.ThrowIfCancellationRequested();
                        return false;
                    }
                    _batch = next;
                    _index = 0;
                }
                Current = _batch[_index++];
                return true;
            }

            private void Produce(IEnumerable<T> source, CancellationToken stop)
            {
                var batch = new List<T>(BatchSize);
                try
                {
                    using (IEnumerator<T> rows = source.GetEnumerator())
                    {
                        while (rows.MoveNext())
                        {
                            batch.Add(rows.Current);
                            if (batch.Count == BatchSize)
                            {
                                Hand(batch.ToArray(), stop);
                                batch.Clear();
                            }
                        }
                    }
                    if (batch.Count > 0) Hand(batch.ToArray(), stop);
                    batch.Clear();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The caller stopped (or was cancelled); nobody is waiting for more rows.
                }
                catch (Exception ex)
                {
                    // Handed to the caller after the rows before it (the partial batch goes first); written
                    // before CompleteAdding, read after TryTake fails.
                    _failure = ExceptionDispatchInfo.Capture(ex);
                    try
                    {
                        if (batch.Count > 0) _batches.Add(batch.ToArray(), stop);
                    }
                    catch (OperationCanceledException)
                    {
                        // The caller stopped meanwhile.
                    }
                }
                finally
                {
                    _batches.CompleteAdding();
                }
            }

            // A full queue means the caller is behind and Add would wait: the worker spends that wait on the caller's
            // work for these rows first. With the caller keeping up, nothing is done ahead (it would only delay rows).
            private void Hand(T[] rows, CancellationToken stop)
            {
                if (_whileAhead is not null && _batches.Count >= BatchesAhead)
                {
                    foreach (T row in rows) _whileAhead(row);
                }
                _batches.Add(rows, stop);
            }

            public void Reset() => throw new NotSupportedException();

            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                _stop.Cancel();
                try
                {
                    _worker.Wait();
                }
                catch (AggregateException)
                {
                    // Produce catches everything; a task cancelled before it started lands here.
                }
                _stop.Dispose();
                _batches.Dispose();
            }
        }
    }
}
