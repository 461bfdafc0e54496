using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>A metric's API name and its Ads Manager display name ("Earned Pin clicks").</summary>
    internal readonly struct MetricName
    {
        public MetricName(string name, string? displayName)
        {
            Name = name;
            DisplayName = displayName;
        }

        public string Name { get; }
        public string? DisplayName { get; }
    }

    /// <summary>
    /// Turns the columns a user typed into the operation's column names, before any analytics request:
    /// API names (any case), wildcards (<c>*CLICKTHROUGH*</c>) and Ads Manager display names. Anything
    /// else fails with the closest valid names.
    /// </summary>
    internal static class ColumnResolver
    {
        private const int SuggestionCount = 3;

        /// <summary>
        /// Whether some input can only be a display name, so the metric catalogue is worth fetching.
        /// Inputs that look like API names (UPPER_SNAKE, or anything with an underscore) never trigger a
        /// fetch: a typo in an API name fails at once, without a request.
        /// </summary>
        public static bool NeedsDisplayNames(IEnumerable<string> inputs, IReadOnlyList<string> allowed)
        {
            var names = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
            var keys = ByKey(allowed);
            return inputs.Select(i => (i ?? "").Trim())
                .Any(i => i.Length > 0 && !IsPattern(i) && !names.Contains(i) && !keys.ContainsKey(Key(i)) && !LooksLikeApiName(i));
        }

        /// <summary>The columns to request, in the order given, without duplicates.</summary>
        /// <param name="inputs">What the user typed.</param>
        /// <param name="allowed">The operation's column enum.</param>
        /// <param name="catalogue">The metric catalogue for display names, or null when unavailable.</param>
        /// <param name="parameterName">The parameter to name in errors.</param>
        public static IReadOnlyList<string> Resolve(IReadOnlyList<string> inputs, IReadOnlyList<string> allowed,
            IReadOnlyList<MetricName>? catalogue, string parameterName = "Column")
        {
            var cleaned = (inputs ?? Array.Empty<string>()).Select(i => (i ?? "").Trim()).Where(i => i.Length > 0).ToList();
            if (cleaned.Count == 0)
                throw new PinterestValidationException(ErrorIds.ColumnRequired, parameterName,
                    $"-{parameterName} needs at least one column, e.g. -{parameterName} SPEND_IN_DOLLAR, IMPRESSION_1, CLICKTHROUGH_1. Tab completion lists the {allowed.Count} valid columns.");

            var byName = allowed.ToDictionary(a => a, a => a, StringComparer.OrdinalIgnoreCase);
            var byKey = ByKey(allowed);
            var byDisplayName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var metric in catalogue ?? Array.Empty<MetricName>())
                if (!string.IsNullOrWhiteSpace(metric.DisplayName) && !byDisplayName.ContainsKey(Normalize(metric.DisplayName!)))
                    byDisplayName[Normalize(metric.DisplayName!)] = metric.Name;

            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (string input in cleaned)
            {
                if (IsPattern(input))
                {
                    var pattern = WildcardToRegex(input);
                    var matches = allowed.Where(a => pattern.IsMatch(a)).ToList();
                    if (matches.Count == 0) problems.Add($"'{input}' matches no column{Suggest(input, allowed, catalogue)}");
                    foreach (var match in matches) if (seen.Add(match)) result.Add(match);
                    continue;
                }
                if (byName.TryGetValue(input, out var canonical) || byKey.TryGetValue(Key(input), out canonical))
                {
                    if (seen.Add(canonical)) result.Add(canonical);
                    continue;
                }
                if (byDisplayName.TryGetValue(Normalize(input), out var apiName))
                {
                    if (byName.TryGetValue(apiName, out canonical))
                    {
                        if (seen.Add(canonical)) result.Add(canonical);
                    }
                    else
                    {
                        problems.Add($"'{input}' is the metric {apiName}, which synchronous analytics do not offer (New-PinAsyncReport has more columns)");
                    }
                    continue;
                }
                problems.Add($"'{input}' is not a column{Suggest(input, allowed, catalogue)}");
            }

            if (problems.Count > 0)
            {
                string lookup = catalogue == null
                    ? ""
                    : " Ads Manager display names are accepted too.";
                throw new PinterestValidationException(ErrorIds.UnknownColumn, parameterName,
                    $"-{parameterName}: {string.Join("; ", problems)}. Tab completion and Get-PinMetricDefinition list the {allowed.Count} valid columns.{lookup}");
            }
            return result;
        }

        /// <summary>The closest valid names, best first, as " (did you mean A, B or C?)".</summary>
        internal static string Suggest(string input, IReadOnlyList<string> allowed, IReadOnlyList<MetricName>? catalogue)
        {
            var closest = Closest(input, allowed, catalogue);
            if (closest.Count == 0) return "";
            return closest.Count == 1
                ? $" (did you mean {closest[0]}?)"
                : $" (did you mean {string.Join(", ", closest.Take(closest.Count - 1))} or {closest[closest.Count - 1]}?)";
        }

        /// <summary>Up to three valid names closest to <paramref name="input"/> (by edit distance, substrings favoured).</summary>
        internal static IReadOnlyList<string> Closest(string input, IReadOnlyList<string> allowed, IReadOnlyList<MetricName>? catalogue)
        {
            string key = ToApiShape(input.Replace("*", "").Replace("?", ""));
            if (key.Length == 0) return Array.Empty<string>();
            var allowedSet = new HashSet<string>(allowed, StringComparer.Ordinal);
            var displayNames = (catalogue ?? Array.Empty<MetricName>())
                .Where(m => m.DisplayName != null && allowedSet.Contains(m.Name))
                .ToDictionary(m => m.Name, m => ToApiShape(m.DisplayName!), StringComparer.Ordinal);

            int threshold = Math.Max(3, key.Length / 2);
            return allowed
                .Select(name =>
                {
                    int score = Score(key, name);
                    if (displayNames.TryGetValue(name, out var display)) score = Math.Min(score, Score(key, display));
                    return (name, score);
                })
                .Where(c => c.score <= threshold)
                .OrderBy(c => c.score).ThenBy(c => c.name, StringComparer.Ordinal)
                .Take(SuggestionCount)
                .Select(c => c.name)
                .ToList();
        }

        private static int Score(string key, string candidate)
        {
            int distance = EditDistance.Between(key, candidate);
            // "CLICKTHROUGH" should suggest CLICKTHROUGH_1 before some unrelated short name.
            if (key.Length >= 3 && candidate.IndexOf(key, StringComparison.Ordinal) >= 0)
                distance = Math.Min(distance, 1 + (candidate.Length - key.Length) / 4);
            return distance;
        }

        /// <summary>PowerShell-style spellings (SpendInDollar) of the names whose spelling without underscores is unambiguous.</summary>
        private static Dictionary<string, string> ByKey(IReadOnlyList<string> allowed)
        {
            var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in allowed.GroupBy(Key).Where(g => g.Count() == 1)) byKey[group.Key] = group.First();
            return byKey;
        }

        private static string Key(string name) => name.Replace("_", "").ToUpperInvariant();

        private static bool IsPattern(string input) => input.IndexOfAny(new[] { '*', '?' }) >= 0;

        private static bool LooksLikeApiName(string input) =>
            input.All(c => char.IsLetterOrDigit(c) || c == '_')
            && (input.IndexOf('_') >= 0 || input.All(c => !char.IsLetter(c) || char.IsUpper(c)));

        private static Regex WildcardToRegex(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Display names compare ignoring case and runs of white space.</summary>
        private static string Normalize(string text) => Regex.Replace(text.Trim(), "\\s+", " ");

        /// <summary>"Earned Pin clicks" -> "EARNED_PIN_CLICKS", to compare typed text with API names.</summary>
        private static string ToApiShape(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text.Trim())
                builder.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
            return builder.ToString();
        }
    }
}
