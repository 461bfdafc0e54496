using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Runs work items concurrently (at most <c>throttle</c> at once) and hands their results to a consumer
    /// strictly in item order, each as soon as it and all before it are done. At most twice the throttle of
    /// finished-but-not-yet-consumed results are held, so memory stays bounded while a slow item holds the line.
    /// </summary>
    internal static class OrderedFanOut
    {
        public static async Task RunAsync<TItem, TResult>(
            IReadOnlyList<TItem> items, int throttle,
            Func<TItem, CancellationToken, Task<TResult>> work,
            Action<TItem, TResult> consume,
            CancellationToken cancellationToken)
        {
            if (throttle < 1) throw new ArgumentOutOfRangeException(nameof(throttle));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var gate = new SemaphoreSlim(throttle);
            int lookahead = throttle * 2;
            var inFlight = new Queue<(TItem Item, Task<TResult> Task)>();
            int next = 0;

            async Task<TResult> Gated(TItem item)
            {
                await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                try
                {
                    return await work(item, stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }

            try
            {
                while (next < items.Count || inFlight.Count > 0)
                {
                    while (next < items.Count && inFlight.Count < lookahead)
                    {
                        var item = items[next++];
                        inFlight.Enqueue((item, Gated(item)));
                    }
                    var (head, task) = inFlight.Dequeue();
                    consume(head, await task.ConfigureAwait(false));
                }
            }
            finally
            {
                // A failure or a stop: cancel what is still running and let it finish before returning.
                if (inFlight.Count > 0)
                {
                    stop.Cancel();
                    foreach (var (_, task) in inFlight)
                    {
                        try { await task.ConfigureAwait(false); }
                        catch { /* the first failure is the one that matters */ }
                    }
                }
            }
        }
    }
}
