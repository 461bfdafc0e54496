using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Resources
{
    /// <summary>
    /// The options of <c>GET /resources/targeting/{targeting_type}</c>, fetched once per session, type and ad
    /// account and kept in the session cache. It serves Get-PinTargetingOption and names the values of
    /// targeting analytics rows (LOCATION "500" is "U.S.: Portland-Auburn").
    /// </summary>
    internal static class TargetingOptionCatalog
    {
        private const string OperationId = "targeting_options/get";

        /// <summary>
        /// Which option type names the values of each targeting ANALYTICS type. Types not listed here
        /// (PLACEMENT, MEDIA_TYPE, CREATIVE_TYPE, ...) have no catalogue: their values are their names.
        /// </summary>
        private static readonly Dictionary<string, string> OptionTypeOfAnalyticsType = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["LOCATION"] = "LOCATION",
            ["GEO"] = "GEO",
            ["COUNTRY"] = "GEO",
            ["REGION"] = "GEO",
            ["INTEREST"] = "INTEREST",
            ["TARGETED_INTEREST"] = "INTEREST",
            ["PINNER_INTEREST"] = "INTEREST",
            ["APPTYPE"] = "APPTYPE",
            ["GENDER"] = "GENDER",
            ["AGE_BUCKET"] = "AGE_BUCKET",
            ["LOCALE"] = "LOCALE",
            ["KEYWORD"] = "KEYWORD",
            ["AUDIENCE_INCLUDE"] = "AUDIENCE_INCLUDE",
            ["AUDIENCE_EXCLUDE"] = "AUDIENCE_EXCLUDE",
        };

        /// <summary>The analytics type whose values combine an age bucket and a gender ("25-34 female").</summary>
        private const string AgeBucketAndGender = "AGE_BUCKET_AND_GENDER";

        /// <summary>Every option type the operation accepts, in the description's spelling and order.</summary>
        public static IReadOnlyList<string> OptionTypes =>
            ApiCatalog.Current.Operation(OperationId).Parameter("targeting_type").Enum ?? new string[0];

        /// <summary>
        /// The options of <paramref name="targetingType"/> (API spelling, e.g. "LOCATION"), flattened, for
        /// <paramref name="adAccountId"/> (null: none given). One request per session for each (type, account).
        /// </summary>
        public static async Task<IReadOnlyList<PinTargetingOption>> GetAsync(PinterestSession session, string targetingType, string? adAccountId, IPinLog log, CancellationToken ct) =>
            (await GetSetAsync(session, targetingType, adAccountId, log, ct).ConfigureAwait(false)).Options;

        /// <summary>
        /// The display name of a targeting analytics value, or null when no catalogue applies to
        /// <paramref name="analyticsTargetingType"/> or the value is not in it. The ad account matters only
        /// for audiences (AUDIENCE_INCLUDE/EXCLUDE); other types share one catalogue across accounts.
        /// Failures of the catalogue request are thrown, not hidden.
        /// </summary>
        public static async Task<string?> ResolveNameAsync(PinterestSession session, string analyticsTargetingType, string value, string? adAccountId, IPinLog log, CancellationToken ct)
        {
            if (string.IsNullOrEmpty(value) || string.IsNullOrEmpty(analyticsTargetingType)) return null;
            if (string.Equals(analyticsTargetingType, AgeBucketAndGender, StringComparison.OrdinalIgnoreCase))
                return await ResolveAgeAndGenderAsync(session, value, log, ct).ConfigureAwait(false);
            string? optionType = OptionTypeFor(analyticsTargetingType);
            if (optionType == null) return null;
            string? account = IsAudience(optionType) ? adAccountId : null;
            var set = await GetSetAsync(session, optionType, account, log, ct).ConfigureAwait(false);
            return set.Find(value)?.Name;
        }

        /// <summary>The option type that names values of an analytics targeting type; null when none does.</summary>
        public static string? OptionTypeFor(string analyticsTargetingType) =>
            OptionTypeOfAnalyticsType.TryGetValue(analyticsTargetingType, out var type) ? type : null;

        private static async Task<string?> ResolveAgeAndGenderAsync(PinterestSession session, string value, IPinLog log, CancellationToken ct)
        {
            int split = value.LastIndexOf(' ');
            if (split <= 0 || split == value.Length - 1) return null;
            var ages = await GetSetAsync(session, "AGE_BUCKET", null, log, ct).ConfigureAwait(false);
            var genders = await GetSetAsync(session, "GENDER", null, log, ct).ConfigureAwait(false);
            var age = ages.Find(value.Substring(0, split));
            var gender = genders.Find(value.Substring(split + 1));
            if (age == null && gender == null) return null;
            return $"{age?.Name ?? value.Substring(0, split)} {gender?.Name ?? value.Substring(split + 1)}";
        }

        private static Task<TargetingOptionSet> GetSetAsync(PinterestSession session, string targetingType, string? adAccountId, IPinLog log, CancellationToken ct)
        {
            string type = RequireOptionType(targetingType);
            string? account = string.IsNullOrWhiteSpace(adAccountId) ? null : Ids.RequireAdAccount("AdAccountId", adAccountId);
            return session.Cache.GetOrFetchAsync($"resources/targeting/{type}?ad_account_id={account}",
                token => FetchAsync(session, type, account, log, token), ct);
        }

        private static async Task<TargetingOptionSet> FetchAsync(PinterestSession session, string type, string? adAccountId, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest(OperationId).Path("targeting_type", type).QueryValue("ad_account_id", adAccountId);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var options = TargetingOptionParser.Parse(document.RootElement, type, adAccountId);
            log.Verbose($"Targeting options {type}{(adAccountId != null ? " for ad account " + adAccountId : "")}: {options.Count}, cached for this session.");
            return new TargetingOptionSet(options);
        }

        /// <summary>The API spelling of a type; an error naming the valid ones for anything else.</summary>
        internal static string RequireOptionType(string targetingType)
        {
            if (ApiNames.TryParse(targetingType, out TargetingOptionType parsed)) return ApiNames.ToApi(parsed);
            string? match = OptionTypes.FirstOrDefault(t => string.Equals(t, targetingType, StringComparison.OrdinalIgnoreCase));
            return match ?? throw new PinterestValidationException(ErrorIds.ValueNotAllowed, "TargetingType",
                $"-TargetingType '{targetingType}' is not a targeting option type. Use one of: {string.Join(", ", OptionTypes)}.");
        }

        private static bool IsAudience(string optionType) => optionType == "AUDIENCE_INCLUDE" || optionType == "AUDIENCE_EXCLUDE";
    }
}
