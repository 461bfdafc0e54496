using System;

namespace PinterestAds.Engine.Validation
{
    /// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
    internal static class EditDistance
    {
        /// <summary>Insertions, deletions and substitutions needed to turn <paramref name="a"/> into <paramref name="b"/> (ordinal).</summary>
        public static int Between(string a, string b)
        {
            if (a.Length == 0) return b.Length;
            if (b.Length == 0) return a.Length;
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }
                (previous, current) = (current, previous);
            }
            return previous[b.Length];
        }
    }
}
