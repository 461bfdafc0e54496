using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Analytics;

namespace PinterestAds.Engine.Validation
{
    /// <summary>
    /// Matches user input against an enum of the API catalogue: either spelling works
    /// (<c>CAMPAIGN_TARGETING</c>, <c>CampaignTargeting</c>, <c>campaign_targeting</c>), and an unknown value
    /// gets the closest valid names in its error.
    /// </summary>
    internal static class CatalogValues
    {
        /// <summary>The API's spelling of <paramref name="value"/>, or null when it is not in <paramref name="allowed"/>.</summary>
        public static string? Match(IReadOnlyList<string> allowed, string value)
        {
            string trimmed = value.Trim();
            foreach (string name in allowed)
                if (string.Equals(name, trimmed, StringComparison.Ordinal)) return name;
            string key = Key(trimmed);
            foreach (string name in allowed)
                if (string.Equals(Key(name), key, StringComparison.Ordinal)) return name;
            return null;
        }

        /// <summary>Normalizes every value or throws a validation error naming the parameter, the value and the closest names.</summary>
        public static IReadOnlyList<string> Require(string parameterName, IReadOnlyList<string> allowed, IEnumerable<string> values)
        {
            var result = new List<string>();
            foreach (string value in values)
            {
                string? match = Match(allowed, value);
                if (match == null)
                {
                    string hint = allowed.Count <= 20
                        ? "Valid values: " + string.Join(", ", allowed) + "."
                        : "Closest valid names: " + string.Join(", ", Closest(allowed, value, 5)) + ". Press Tab after -" + parameterName + " to see them all.";
                    throw new PinterestValidationException(ErrorIds.ValueNotAllowed, parameterName,
                        $"-{parameterName} '{Shorten(value)}' is not a value Pinterest accepts here. {hint}");
                }
                if (!result.Contains(match)) result.Add(match);
            }
            return result;
        }

        /// <summary>The names nearest to <paramref name="value"/> by edit distance (ignoring case and underscores).</summary>
        public static IEnumerable<string> Closest(IReadOnlyList<string> allowed, string value, int count)
        {
            string key = Key(value);
            return allowed
                .Select(name => (name, distance: Distance(Key(name), key) - (Key(name).Contains(key) && key.Length > 2 ? key.Length : 0)))
                .OrderBy(p => p.distance).ThenBy(p => p.name, StringComparer.Ordinal)
                .Take(count).Select(p => p.name);
        }

        // The same spelling-insensitive key as the module's enums (AD_GROUP, AdGroup and ad-group are one name).
        private static string Key(string text) => ApiNames.MatchKey(text);

        private static int Distance(string a, string b) => EditDistance.Between(a, b);

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
    }
}
