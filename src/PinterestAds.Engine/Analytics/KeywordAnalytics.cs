using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Reports.Reading;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Keyword-level analytics. Pinterest has no synchronous keyword operation: keyword metrics come only
    /// from async reports at level KEYWORD, whose body cannot filter by keyword (only by campaign and ad
    /// group). So this creates KEYWORD reports filtered by the keywords' ad groups (or the whole account when
    /// their parents are unknown), waits, reads them and keeps exactly the asked keywords, writing rows in
    /// the analytics shape: AdAccountId, Currency, Level (KEYWORD), KEYWORD_ID, KeywordText (the keyword's value,
    /// from keywords/get), DATE, then the requested columns. A range longer than one report (186 days) is
    /// split by dates, which keeps DAY and HOUR rows exact; TOTAL, WEEK and MONTH would be cut at the
    /// seams, so those are refused beyond one report.
    /// </summary>
    internal static class KeywordAnalytics
    {
        /// <summary>The column of the resolved keyword text, right after KEYWORD_ID.</summary>
        public const string KeywordTextColumn = "KeywordText";

        private const string AdGroupIdColumn = "AD_GROUP_ID";

        /// <summary>How long a report download may send nothing before it counts as stalled.</summary>
        private static readonly TimeSpan DownloadIdleTimeout = TimeSpan.FromSeconds(120);

        public static async Task RunAsync(PinterestSession session, AnalyticsQuery query, IReadOnlyDictionary<string, PinKeyword> known,
            Action<AnalyticsRow> output, IPinLog log, CancellationToken ct)
        {
            if (query.Targeting)
                throw new PinterestValidationException(ErrorIds.LevelNotSupported, "Level",
                    "-Level Keyword has no targeting breakdown (Pinterest has no KEYWORD_TARGETING report level). Use Get-PinAnalytics -Level Keyword, or Get-PinTargetingAnalytics -TargetingType Keyword at -Level AdGroup.");
            if (query.CampaignIds.Count > 0 || query.PinIds.Count > 0 || query.AggregateReportRows.HasValue || query.AttributionTypes.Count > 0)
                throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, query.CampaignIds.Count > 0 ? "CampaignId" : query.PinIds.Count > 0 ? "PinId" : "AggregateReportRows",
                    "-CampaignId, -PinId and -AggregateReportRows do not apply at -Level Keyword: pipe the keywords in (Get-PinKeyword | Get-PinAnalytics) or give their ids with -Id.");
            var keywordIds = Validation.Ids.RequireAll("Id", query.Ids);
            var asyncColumns = ReportRequestPlanner.AllowedValues("columns");
            var columns = ColumnResolver.Resolve(query.Columns, asyncColumns, null);

            string granularity = ApiNames.ToApi(query.Granularity);
            var window = ReportWindows.For("KEYWORD", granularity);
            DateTime start = ApiDates.ToCalendarDate(query.StartDate), end = ApiDates.ToCalendarDate(query.EndDate);
            if (query.Granularity != Granularity.Day && query.Granularity != Granularity.Hour && (end - start).TotalDays + 1 > window.MaxSpanDays)
                throw new PinterestValidationException(ErrorIds.SpanTooLongForGranularity, "EndDate",
                    $"-Level Keyword -Granularity {query.Granularity} covers {(end - start).TotalDays + 1:0} days, but one KEYWORD report spans at most {window.MaxSpanDays} days and {query.Granularity} rows cannot be joined across reports. Use -Granularity Day (split exactly), or a range of at most {window.MaxSpanDays} days.");

            // The report filters by ad group; the keywords' parents are known when keywords were piped in.
            var wanted = new HashSet<string>(keywordIds, StringComparer.Ordinal);
            var parents = keywordIds.Select(id => known.TryGetValue(id, out var k) ? k.AdGroupId : null).ToList();
            bool parentsKnown = keywordIds.Count > 0 && parents.All(p => p != null);
            var requested = columns.Where(c => !string.Equals(c, AdGroupIdColumn, StringComparison.Ordinal)).ToList();
            var spec = new AsyncReportQuery
            {
                AdAccountId = query.AdAccountId,
                Level = ReportLevel.Keyword,
                StartDate = start,
                EndDate = end,
                Today = query.Today,
                Granularity = query.Granularity,
                // AD_GROUP_ID comes along to find the keywords' texts (keywords/get lists by ad group).
                Columns = new[] { AdGroupIdColumn }.Concat(requested).ToList(),
                AdGroupIds = parentsKnown ? parents.Where(p => p != null).Select(p => p!).Distinct().ToList() : null,
                ClickWindowDays = query.ClickWindowDays,
                EngagementWindowDays = query.EngagementWindowDays,
                ViewWindowDays = query.ViewWindowDays,
                ConversionReportTime = query.ConversionReportTime,
                ReportingTimeZone = query.ReportingTimeZone,
                Format = ReportFormat.Json,
            };
            var plan = ReportRequestPlanner.Plan(spec);
            log.Verbose($"Keyword analytics: {plan.Reports.Count} async KEYWORD report(s) (Pinterest has no sync keyword analytics), " +
                        (parentsKnown ? $"filtered by {spec.AdGroupIds!.Count} ad group(s)." : "for the whole ad account, kept to the asked keywords."));

            // The same readiness check as the sync path: a warning (or, with -RequireFinalMetrics, an error) for unsettled dates.
            if (!query.SkipFreshnessCheck)
                await Freshness.CheckAsync(new SessionAnalyticsResources(session), plan.Reports.Select(r => new DateSpan(r.StartDate, r.EndDate)).ToList(),
                    query.Today, requested, query.RequireFinalMetrics, log, ct).ConfigureAwait(false);

            var jobs = new List<ReportJob>();
            foreach (var planned in plan.Reports)
                jobs.Add(await AsyncReports.CreateAsync(session, spec, plan, planned, log, ct).ConfigureAwait(false));
            var failures = new List<Exception>();
            var waiter = ReportWaiter.For(session);
            await waiter.WaitAsync(jobs, null,
                onFinal: job => { if (!job.IsFinished) failures.Add(ReportDownload.NotDownloadable(job)); },
                onPollFailed: (job, ex) => failures.Add(ex),
                onRound: null, log, ct).ConfigureAwait(false);
            if (failures.Count > 0) throw failures[0];

            // Read every part (rows in part order), then resolve the texts of the keywords that came back.
            var rows = new List<IDictionary>();
            foreach (var job in jobs.OrderBy(j => j.Part))
            {
                using var download = await ReportDownload.OpenAsync(job, DownloadIdleTimeout, log, ct, ct).ConfigureAwait(false);
                // JSON reports leave zero metrics out: read them as missing ($null unless -ZeroFill), as the sync path does.
                var options = ReportRows.OptionsFor(job, EntityIdColumns.ForLevel("KEYWORD"));
                options.ZeroFill = query.ZeroFill;
                try
                {
                    foreach (var row in new JsonReportReader(download.OpenDecoded(ct), options).ReadRows(ct))
                    {
                        var values = (IDictionary)row;
                        string? id = values[EntityIdColumns.ForLevel("KEYWORD")]?.ToString();
                        if (id == null || (wanted.Count > 0 && !wanted.Contains(id))) continue;
                        rows.Add(Snapshot(values));
                    }
                }
                catch (Exception ex) when (ReportRows.IsReadFailure(ex))
                {
                    throw ReportRows.Wrap(ex, job);
                }
            }
            // The texts: the piped keywords', then one listing of the ad groups of the rest (the same lookup
            // as KEYWORD report rows).
            var texts = new KeywordTextLookup(session, query.AdAccountId);
            texts.Seed(known.Values);
            var missing = rows.Where(r => !texts.Knows(r[EntityIdColumns.ForLevel("KEYWORD")]!.ToString(), null))
                .Select(r => r[AdGroupIdColumn]?.ToString()).Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).Distinct().ToList();
            await texts.LoadAdGroupsAsync(missing, log, ct).ConfigureAwait(false);

            bool withDate = query.Granularity != Granularity.Total;
            string? currency = await AnalyticsRunner.CurrencyOrNullAsync(new SessionAnalyticsResources(session), query.AdAccountId, log, ct).ConfigureAwait(false);
            var schema = Schema(withDate, columns, hourly: query.Granularity == Granularity.Hour);
            var activator = RowTypeFactory.For<AnalyticsRow>(schema);
            foreach (var row in rows)
            {
                var values = activator.CreateBuffer();
                string id = row[EntityIdColumns.ForLevel("KEYWORD")]!.ToString()!;
                values[0] = query.AdAccountId;
                values[1] = currency;
                values[2] = "KEYWORD";
                values[3] = id;
                values[4] = texts.Text(id);
                for (int i = 5; i < values.Length; i++)
                {
                    var column = schema.Columns[i];
                    object? value = row.Contains(column.Name) ? row[column.Name] : null;
                    values[i] = value ?? ValueParser.Missing(column.Kind, query.ZeroFill);
                }
                output(activator.Create(values));
            }
        }

        /// <summary>AdAccountId, Currency, Level, KEYWORD_ID, KeywordText, DATE (unless TOTAL), then the requested columns.</summary>
        public static RowSchema Schema(bool includeDate, IEnumerable<string> columns, bool hourly = false)
        {
            var leading = new List<RowColumn>
            {
                new RowColumn(RowFields.AdAccountId, ColumnKind.Text),
                new RowColumn(RowFields.Currency, ColumnKind.Text),
                new RowColumn(RowFields.Level, ColumnKind.Text),
                new RowColumn(EntityIdColumns.ForLevel("KEYWORD"), ColumnKind.Text),
                new RowColumn(KeywordTextColumn, ColumnKind.Text),
            };
            if (includeDate) leading.Add(RowSchema.DateColumn(hourly));
            return new RowSchema(RowSchema.Append(leading, columns));
        }

        /// <summary>A copy of a report row's values (report rows are read once, as the stream moves on).</summary>
        private static IDictionary Snapshot(IDictionary row)
        {
            var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in row) copy[entry.Key] = entry.Value;
            return copy;
        }
    }
}
