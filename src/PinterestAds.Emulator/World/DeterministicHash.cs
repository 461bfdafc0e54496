namespace PinterestAds.Emulator.World;

/// <summary>
/// Stateless hashing used for every generated value, so a value is a pure function of its key
/// (seed, entity, date, column ...) and never depends on generation order.
/// </summary>
internal static class DeterministicHash
{
    /// <summary>SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL));

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(Combine(a, b), c), d);

    /// <summary>Uniform double in [0, 1).</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    /// <summary>Stable 64-bit FNV-1a of a string (column names, targeting values).</summary>
    public static ulong OfString(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (var ch in s)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }
}
