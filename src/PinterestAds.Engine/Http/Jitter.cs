using System;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// The random part of retry backoff and report polling: one per session, seeded (a fixed seed makes
    /// every delay repeatable in tests), and safe to draw from on several threads at once, which
    /// <see cref="Random"/> itself is not.
    /// </summary>
    internal sealed class Jitter
    {
        private readonly object _gate = new object();
        private readonly Random _random;

        /// <param name="seed">A fixed seed; null draws a fresh one (never shared with another instance).</param>
        public Jitter(int? seed = null)
        {
            Seed = seed ?? Guid.NewGuid().GetHashCode();
            _random = new Random(Seed);
        }

        public int Seed { get; }

        /// <summary>A number in [0, 1).</summary>
        public double NextDouble()
        {
            lock (_gate) return _random.NextDouble();
        }
    }
}
