using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// The text of the keywords in KEYWORD-level report rows (the file carries only KEYWORD_ID), from
    /// <c>keywords/get</c>, which lists by parent: a row that carries AD_GROUP_ID gets its ad group's keywords
    /// listed (once per ad group, for the first <see cref="MaxAdGroupListings"/> ad groups); a row without it,
    /// or of a further ad group, gets the whole ad account's keywords listed once (the account's ad groups of
    /// every status, then their keywords in chunks of ad_group_ids' maxItems, plus the account's own keywords),
    /// which costs fewer calls than one listing per ad group of a large report. A keyword no listing returns
    /// (deleted since) has no text: null, never a guess.
    /// </summary>
    internal sealed class KeywordTextLookup
    {
        public const string KeywordIdColumn = "KEYWORD_ID";
        public const string AdGroupIdColumn = "AD_GROUP_ID";

        /// <summary>Ad groups listed one by one before the whole account is listed instead.</summary>
        public const int MaxAdGroupListings = 8;

        private readonly PinterestSession _session;
        private readonly string _adAccountId;
        private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
        private readonly HashSet<string> _listedAdGroups = new(StringComparer.Ordinal);
        private bool _accountListed;

        public KeywordTextLookup(PinterestSession session, string adAccountId)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _adAccountId = adAccountId;
        }

        /// <summary>Takes the texts of keywords already at hand (piped in), so no listing asks for them again.</summary>
        public void Seed(IEnumerable<PinKeyword> keywords)
        {
            foreach (var keyword in keywords) _texts[keyword.Id] = keyword.Value;
        }

        /// <summary>Lists the keywords of these ad groups in one listing (keywords/get chunks the ids).</summary>
        public async Task LoadAdGroupsAsync(IReadOnlyList<string> adGroupIds, IPinLog log, CancellationToken ct)
        {
            if (adGroupIds.Count == 0) return;
            foreach (var adGroupId in adGroupIds) _listedAdGroups.Add(adGroupId);
            await ListAsync(new KeywordFilter { AdGroupIds = adGroupIds.ToList() }, log, ct).ConfigureAwait(false);
        }

        /// <summary>Whether the keyword's text is known, or known not to exist (no listing is left to try).</summary>
        public bool Knows(string? keywordId, string? adGroupId) =>
            keywordId == null || _texts.ContainsKey(keywordId) || _accountListed || (adGroupId != null && _listedAdGroups.Contains(adGroupId));

        /// <summary>The keyword's text, or null (unknown, or not listed by any parent).</summary>
        public string? Text(string? keywordId) => keywordId != null && _texts.TryGetValue(keywordId, out var text) ? text : null;

        /// <summary>Lists the keywords of the row's ad group, or of the whole account when the ad group is unknown.</summary>
        public async Task LoadAsync(string? adGroupId, IPinLog log, CancellationToken ct)
        {
            if (adGroupId != null && _listedAdGroups.Count < MaxAdGroupListings)
            {
                _listedAdGroups.Add(adGroupId);
                await ListAsync(new KeywordFilter { AdGroupIds = new[] { adGroupId } }, log, ct).ConfigureAwait(false);
                return;
            }
            _accountListed = true;
            log.Verbose($"KeywordText of KEYWORD report rows: listing every keyword of ad account {_adAccountId}.");
            var filter = new EntityFilter { Statuses = (EntityStatus[])Enum.GetValues(typeof(EntityStatus)) };
            var adGroups = new List<string>();
            await foreach (var adGroup in EntityQueries.AdGroups(_session.Api, _adAccountId, filter, log, ct).ConfigureAwait(false))
                if (!_listedAdGroups.Contains(adGroup.Id)) adGroups.Add(adGroup.Id);
            if (adGroups.Count > 0) await ListAsync(new KeywordFilter { AdGroupIds = adGroups }, log, ct).ConfigureAwait(false);
            await ListAsync(new KeywordFilter(), log, ct).ConfigureAwait(false);
        }

        private async Task ListAsync(KeywordFilter filter, IPinLog log, CancellationToken ct)
        {
            await foreach (var keyword in KeywordQueries.Keywords(_session.Api, _adAccountId, filter, log, ct).ConfigureAwait(false))
                _texts[keyword.Id] = keyword.Value;
        }

        /// <summary>The ids of a row (KEYWORD_ID, AD_GROUP_ID when the file carries it).</summary>
        public static (string? KeywordId, string? AdGroupId) IdsOf(ReportRow row) =>
            (row[KeywordIdColumn]?.ToString(), row[AdGroupIdColumn]?.ToString() is { Length: > 0 } group ? group : null);
    }
}
