using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// Per-session memo of things fetched once and looked up often (metric catalogue, targeting options,
    /// ad accounts and templates for completion). Concurrent callers share one fetch; a failed fetch is
    /// forgotten so the next caller tries again.
    /// </summary>
    internal sealed class SessionCache
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new ConcurrentDictionary<string, Lazy<Task<object>>>(StringComparer.Ordinal);

        public async Task<T> GetOrFetchAsync<T>(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken) where T : class
        {
            var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await fetch(cancellationToken).ConfigureAwait(false)));
            try
            {
                return (T)await entry.Value.ConfigureAwait(false);
            }
            catch
            {
                _entries.TryRemove(key, out _);
                throw;
            }
        }

        /// <summary>The value if it was fetched already (for tab completion, which must never call the network).</summary>
        public T? Peek<T>(string key) where T : class =>
            _entries.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.Status == TaskStatus.RanToCompletion
                ? entry.Value.Result as T
                : null;

        /// <summary>Stores a value fetched elsewhere; Peek sees it at once.</summary>
        public void Set<T>(string key, T value) where T : class
        {
            var entry = new Lazy<Task<object>>(() => Task.FromResult<object>(value));
            _ = entry.Value; // created now: Peek only answers for values that exist
            _entries[key] = entry;
        }

        public void Clear() => _entries.Clear();
    }
}
