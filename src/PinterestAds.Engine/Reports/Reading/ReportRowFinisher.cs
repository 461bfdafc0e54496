using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// The last steps of a received report row, after the reader gave it the leading AdAccountId, Currency and
    /// Level: KEYWORD rows get <c>KeywordText</c> right after KEYWORD_ID (as Get-PinAnalytics -Level Keyword
    /// rows do), and with <c>-CurrencyUnits</c> micro-dollar columns become amounts in currency units. One per
    /// job (a job is one ad account). Rows needing neither pass through as they are.
    /// </summary>
    internal sealed class ReportRowFinisher
    {
        private readonly RowReshaper<ReportRow> _reshaper;
        private readonly KeywordTextLookup _keywords;
        // Made once: a lambda written in Finish was a new delegate per row, on the pipeline thread (64 MB a million rows).
        private readonly Func<ReportRow, string?> _keywordText;

        private ReportRowFinisher(ReportJob job, string? currency, bool currencyUnits)
        {
            Currency = currency;
            _keywords = new KeywordTextLookup(job.Session!, job.AdAccountId);
            _keywordText = row => _keywords.Text(KeywordTextLookup.IdsOf(row).KeywordId);
            _reshaper = new RowReshaper<ReportRow>(currencyUnits, KeywordTextLookup.KeywordIdColumn, KeywordAnalytics.KeywordTextColumn);
        }

        /// <summary>The ad account's currency (the rows' Currency); null when it could not be read (a warning said so).</summary>
        public string? Currency { get; }

        /// <summary>The finisher of a job: reads the account's currency (cached per session, as the analytics path does).</summary>
        public static async Task<ReportRowFinisher> ForJobAsync(ReportJob job, bool currencyUnits, IPinLog log, CancellationToken ct)
        {
            string? currency = await AnalyticsRunner.CurrencyOrNullAsync(new SessionAnalyticsResources(job.Session!), job.AdAccountId, log, ct).ConfigureAwait(false);
            return new ReportRowFinisher(job, currency, currencyUnits);
        }

        /// <summary>Whether the row's keyword text needs a listing first (<see cref="LookUpAsync"/>).</summary>
        public bool NeedsLookup(ReportRow row)
        {
            if (!_reshaper.Inserts(row)) return false;
            var (keywordId, adGroupId) = KeywordTextLookup.IdsOf(row);
            return !_keywords.Knows(keywordId, adGroupId);
        }

        /// <summary>Lists the keywords that give the row's text (its ad group's, else the account's).</summary>
        public Task LookUpAsync(ReportRow row, IPinLog log, CancellationToken ct) =>
            _keywords.LoadAsync(KeywordTextLookup.IdsOf(row).AdGroupId, log, ct);

        /// <summary>The row as written (call <see cref="NeedsLookup"/> first).</summary>
        public ReportRow Finish(ReportRow row) => _reshaper.Reshape(row, _keywordText);
    }
}
