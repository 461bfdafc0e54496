using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Validation
{
    /// <summary>
    /// Checks ids before any request, as the description states them for the parameter or field they go to:
    /// its pattern (most ids: <c>^\d+$</c>) and its maxLength where it gives one (<c>ad_account_id</c>,
    /// <c>campaign_ids</c> and a few more: 18). Without the target's facts an id must match <c>^\d+$</c>,
    /// with no length cap: the description caps only some id parameters (ad_ids, pin_ids, the async
    /// report's id lists have none).
    /// </summary>
    internal static class Ids
    {
        /// <summary>The pattern of nearly every id in the description.</summary>
        public const string DigitsPattern = @"^\d+$";

        /// <summary>The facts of an operation's id parameter, for <see cref="Require(string, string?, ApiSchemaFacts?)"/>.</summary>
        public static ApiSchemaFacts Facts(string operationId, string parameter) => ApiCatalog.Current.Operation(operationId).Parameter(parameter);

        /// <summary>The ad account id: <c>^\d+$</c>, at most 18 characters (the same on every operation).</summary>
        public static string RequireAdAccount(string parameterName, string? id) =>
            Require(parameterName, id, Facts("ad_accounts/get", "ad_account_id"));

        /// <param name="parameterName">The PowerShell parameter, named in the error.</param>
        /// <param name="id">The value given.</param>
        /// <param name="apiFacts">The facts of the API parameter or field the id goes to (an array's items are used); null: <c>^\d+$</c>.</param>
        public static string Require(string parameterName, string? id, ApiSchemaFacts? apiFacts = null)
        {
            string trimmed = (id ?? "").Trim();
            if (trimmed.Length == 0)
                throw new PinterestValidationException(ErrorIds.IdMissing, parameterName,
                    $"-{parameterName} is empty. Give the id, e.g. 549755885175, or connect with -AdAccountId to set a default.");
            var facts = apiFacts != null && apiFacts.IsArray && apiFacts.Items != null ? apiFacts.Items : apiFacts;
            // Where the description gives no pattern (template_id) the id is still held to digits: every
            // Pinterest id is, and a free-form path segment ("..") could name another endpoint.
            string pattern = facts?.Pattern ?? DigitsPattern;
            if (pattern == DigitsPattern)
            {
                // ASCII digits only: .NET's \d also matches other scripts' digits, which no Pinterest id has.
                if (!trimmed.All(c => c >= '0' && c <= '9'))
                    throw new PinterestValidationException(ErrorIds.IdNotNumeric, parameterName,
                        $"-{parameterName} '{Shorten(trimmed)}' is not an id: Pinterest ids are digits only (pattern ^\\d+$). Pass the id, not the name.");
            }
            else if (!Regex.IsMatch(trimmed, pattern, RegexOptions.CultureInvariant))
            {
                throw new PinterestValidationException(ErrorIds.IdPatternMismatch, parameterName,
                    $"-{parameterName} '{Shorten(trimmed)}' does not match the pattern {pattern} that Pinterest gives for it. Check the value.");
            }
            if (facts?.MaxLength is int maxLength && trimmed.Length > maxLength)
                throw new PinterestValidationException(ErrorIds.IdTooLong, parameterName,
                    $"-{parameterName} '{Shorten(trimmed)}' has {trimmed.Length} characters; Pinterest allows at most {maxLength} here. Check the value.");
            return trimmed;
        }

        /// <summary>Validates every id and removes duplicates, keeping the first-seen order.</summary>
        public static IReadOnlyList<string> RequireAll(string parameterName, IEnumerable<string>? ids, ApiSchemaFacts? apiFacts = null)
        {
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (ids == null) return result;
            foreach (var id in ids)
            {
                string valid = Require(parameterName, id, apiFacts);
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
