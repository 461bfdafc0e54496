using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Validation
{
    /// <summary>Checks ids before any request: digit strings of at most 18 characters (pattern ^\d+$).</summary>
    internal static class Ids
    {
        public static string Require(string parameterName, string? id)
        {
            string trimmed = (id ?? "").Trim();
            if (trimmed.Length == 0)
                throw new PinterestValidationException("IdMissing", parameterName,
                    $"-{parameterName} is empty. Give the numeric id, e.g. 549755885175, or connect with -AdAccountId to set a default.");
            if (!trimmed.All(c => c >= '0' && c <= '9'))
                throw new PinterestValidationException("IdNotNumeric", parameterName,
                    $"-{parameterName} '{Shorten(trimmed)}' is not an id: Pinterest ids are digits only (pattern ^\\d+$). Pass the id, not the name.");
            if (trimmed.Length > ApiLimits.MaxIdLength)
                throw new PinterestValidationException("IdTooLong", parameterName,
                    $"-{parameterName} '{Shorten(trimmed)}' has {trimmed.Length} digits; Pinterest ids have at most {ApiLimits.MaxIdLength}. Check the value.");
            return trimmed;
        }

        /// <summary>Validates every id and removes duplicates, keeping the first-seen order.</summary>
        public static IReadOnlyList<string> RequireAll(string parameterName, IEnumerable<string>? ids)
        {
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (ids == null) return result;
            foreach (var id in ids)
            {
                string valid = Require(parameterName, id);
                if (seen.Add(valid)) result.Add(valid);
            }
            return result;
        }

        /// <summary>Splits a list into chunks of at most <paramref name="size"/>.</summary>
        public static IEnumerable<IReadOnlyList<T>> Chunk<T>(IReadOnlyList<T> items, int size)
        {
            for (int i = 0; i < items.Count; i += size)
                yield return items.Skip(i).Take(size).ToList();
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
