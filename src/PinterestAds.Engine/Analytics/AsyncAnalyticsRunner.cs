using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Answers an analytics query with async reports: creates every report, waits for all, downloads each whole
    /// (verified) to a temporary file, and only then reads the files and writes rows - so a part that fails
    /// leaves no rows of the others in the pipeline. Rows have the analytics shape (<see cref="AnalyticsRowShape"/>).
    /// </summary>
    internal static class AsyncAnalyticsRunner
    {
        private const string TargetingTypeColumn = "TARGETING_TYPE";
        private const string TargetingValueColumn = "TARGETING_VALUE";
        private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

        /// <summary>Checks the query for the async path and plans the reports; no request is sent.</summary>
        public static AsyncAnalyticsPlan Plan(AnalyticsQuery query, IReadOnlyList<string> columns, IPinLog log)
        {
            // Every check both paths share (ids, windows, applicability, targeting types): one code path, one set of errors.
            var shared = AnalyticsPlan.Create(query, columns, log, syncDates: false);

            DateTime today = query.Today.Date;
            DateTime start = ApiDates.ToCalendarDate(query.StartDate), end = ApiDates.ToCalendarDate(query.EndDate);
            end = DateWindows.CheckOrderAndEnd(start, end, today, log);
            var window = query.Granularity == Granularity.Hour ? ApiLimits.AsyncReportHourly : ApiLimits.AsyncReport;
            DateTime earliest = today.AddDays(-window.LookbackDays);
            if (start < earliest && query.ClampToAvailable && end >= earliest)
            {
                log.Warning($"-StartDate {ApiDates.Format(start)} is beyond the {window.LookbackDays}-day lookback of async reports at {ApiNames.ToApi(query.Granularity)}; the report starts at {ApiDates.Format(earliest)} instead (-ClampToAvailable).");
                start = earliest;
            }

            int parts = ReportWindows.Split(start, end, window.MaxSpanDays, query.Granularity).Count;
            bool mergesTotals = query.Granularity == Granularity.Total && parts > 1;
            IReadOnlyList<string> hidden = Array.Empty<string>();
            if (mergesTotals)
            {
                var refused = MetricAlgebra.NotMergeable(shared.Columns);
                if (refused.Count > 0)
                    throw new PinterestValidationException(ErrorIds.TotalNotMergeable, "Column",
                        $"-Granularity Total over {(end - start).TotalDays + 1:0} days needs {parts} async reports ({window.MaxSpanDays} days each), and {string.Join(", ", refused)} cannot be " +
                        "re-aggregated from per-report totals (unique counts, averages and rates without a known formula). Ask for -Granularity Day, Week or Month, " +
                        $"a range of at most {window.MaxSpanDays} days, or drop {string.Join(", ", refused)}.");
                hidden = MetricAlgebra.HiddenIngredients(shared.Columns);
            }

            var reports = new List<(AsyncReportQuery, ReportPlan)>();
            var allowedTypes = ReportRequestPlanner.AllowedValues("targeting_types");
            var typeChunks = shared.Calls.Select(c => c.TargetingTypes).Distinct().ToList();
            var types = typeChunks.SelectMany(t => t).Distinct().ToList();
            if (query.Targeting)
            {
                var missing = types.Where(t => !allowedTypes.Contains(t, StringComparer.Ordinal)).ToList();
                if (missing.Count > 0)
                    throw new PinterestValidationException(ErrorIds.TargetingTypeNotSupported, "TargetingType",
                        $"-TargetingType {string.Join(", ", missing)} is not offered by async reports. Use -Mode Sync (inside its limits), or drop them.");
            }
            int maxTypes = ApiCatalog.Current.Body("AdsAnalyticsCreateAsyncRequest").Properties["targeting_types"].MaxItems ?? 5;
            var chunks = query.Targeting ? Validation.Ids.Chunk(types, maxTypes).ToList() : new List<IReadOnlyList<string>> { Array.Empty<string>() };
            foreach (var chunk in chunks)
            {
                var spec = ToSpec(query, shared, start, end, chunk, hidden, mergesTotals);
                reports.Add((spec, ReportRequestPlanner.Plan(spec)));
            }
            return new AsyncAnalyticsPlan(query, shared.Columns, hidden, reports, new DateSpan(start, end), mergesTotals);
        }

        private static AsyncReportQuery ToSpec(AnalyticsQuery query, AnalyticsPlan shared, DateTime start, DateTime end,
            IReadOnlyList<string> targetingTypes, IReadOnlyList<string> hidden, bool mergesTotals)
        {
            var spec = new AsyncReportQuery
            {
                AdAccountId = query.AdAccountId,
                Level = ReportLevelFor(query.Level, query.Targeting),
                StartDate = start,
                EndDate = end,
                Today = query.Today,
                Granularity = query.Granularity,
                Columns = shared.Columns,
                Format = ReportFormat.Json,
                TargetingTypes = targetingTypes.Count > 0 ? targetingTypes : null,
                ClickWindowDays = query.ClickWindowDays,
                EngagementWindowDays = query.EngagementWindowDays,
                ViewWindowDays = query.ViewWindowDays,
                AttributionTypes = query.AttributionTypes.Count > 0 ? query.AttributionTypes : null,
                ConversionReportTime = query.ConversionReportTime,
                ReportingTimeZone = query.ReportingTimeZone,
                HiddenColumns = hidden,
                MergesTotalParts = mergesTotals,
            };
            switch (shared.Operation.IdParameter)
            {
                case "campaign_ids": spec.CampaignIds = query.Ids; break;
                case "ad_group_ids": spec.AdGroupIds = query.Ids; break;
                case "ad_ids": spec.AdIds = query.Ids; break;
                case "product_group_ids": spec.ProductGroupIds = query.Ids; break;
            }
            if (query.CampaignIds.Count > 0 && shared.Operation.IdParameter != "campaign_ids") spec.CampaignIds = query.CampaignIds;
            return spec;
        }

        /// <summary>The async report level of an analytics level (AdAccount is ADVERTISER, Ad is PIN_PROMOTION).</summary>
        public static ReportLevel ReportLevelFor(AnalyticsLevel level, bool targeting) => (level, targeting) switch
        {
            (AnalyticsLevel.AdAccount, false) => ReportLevel.Advertiser,
            (AnalyticsLevel.AdAccount, true) => ReportLevel.AdvertiserTargeting,
            (AnalyticsLevel.Campaign, false) => ReportLevel.Campaign,
            (AnalyticsLevel.Campaign, true) => ReportLevel.CampaignTargeting,
            (AnalyticsLevel.AdGroup, false) => ReportLevel.AdGroup,
            (AnalyticsLevel.AdGroup, true) => ReportLevel.AdGroupTargeting,
            (AnalyticsLevel.Ad, false) => ReportLevel.PinPromotion,
            (AnalyticsLevel.Ad, true) => ReportLevel.PinPromotionTargeting,
            (AnalyticsLevel.ProductGroup, false) => ReportLevel.ProductGroup,
            (AnalyticsLevel.ProductGroup, true) => ReportLevel.ProductGroupTargeting,
            // Keyword queries run through KeywordAnalytics; pins have no async report level at all.
            _ => throw new PinterestValidationException(ErrorIds.LevelNotSupported, "Mode",
                $"-Level {level} has no async report path of this kind. Use -Mode Sync{(level == AnalyticsLevel.Pin ? " (ad_pins/analytics)" : "")}."),
        };

        /// <summary>
        /// Creates, waits for, downloads and reads every report of the plan; rows go to <paramref name="output"/>.
        /// <paramref name="stepDone"/> (optional, for progress) hears (steps done, steps in all) as each report is
        /// created, finishes and is downloaded: three steps a report.
        /// </summary>
        public static async Task RunAsync(PinterestSession session, AsyncAnalyticsPlan plan, IAnalyticsResources resources,
            Action<AnalyticsRow> output, IPinLog log, CancellationToken ct, Action<int, int>? stepDone = null)
        {
            var query = plan.Query;
            if (!query.SkipFreshnessCheck)
                await Freshness.CheckAsync(resources, new[] { plan.Span }, query.Today, plan.Columns, query.RequireFinalMetrics, log, ct).ConfigureAwait(false);

            string? currency = await AnalyticsRunner.CurrencyOrNullAsync(resources, query.AdAccountId, log, ct).ConfigureAwait(false);

            // 1. Create every report (a few at a time; the session's rate budget applies).
            var toCreate = plan.Reports.SelectMany(r => r.Plan.Reports.Select(planned => (r.Spec, r.Plan, planned))).ToList();
            var jobs = new List<ReportJob>();
            int steps = toCreate.Count * 3, stepsDone = 0;
            void Step() => stepDone?.Invoke(++stepsDone, steps);
            await OrderedFanOut.RunAsync(toCreate, query.ThrottleLimit,
                (item, token) => AsyncReports.CreateAsync(session, item.Spec, item.Plan, item.planned, log, token),
                (_, job) => { jobs.Add(job); Step(); }, ct).ConfigureAwait(false);

            // 2. Wait for all of them; any that does not finish fails the whole run (no partial answer).
            var finished = new List<ReportJob>();
            Exception? failure = null;
            var waiter = ReportWaiter.For(session);
            var unfinished = await waiter.WaitAsync(jobs, query.ReportTimeout,
                onFinal: job => { if (job.IsFinished) { finished.Add(job); Step(); } else failure ??= ReportDownload.NotDownloadable(job); },
                onPollFailed: (job, ex) => failure ??= ex,
                onRound: null, log, ct).ConfigureAwait(false);
            if (failure != null) throw failure;
            if (unfinished.Count > 0)
                throw new PinterestException(ErrorIds.ReportWaitTimedOut, PinErrorKind.Timeout,
                    $"{unfinished.Count} of {jobs.Count} async report(s) were not finished after {query.ReportTimeout.TotalSeconds:0} s; no rows were written. They go on at Pinterest: " +
                    string.Join("; ", unfinished.Select(j => $"Get-PinReport -AdAccountId {j.AdAccountId} -Token {j.Token} | Wait-PinReport | Receive-PinReport")));

            // 3. Download every file whole before the first row is written.
            var files = new List<(ReportJob Job, string Path)>();
            try
            {
                var toDownload = jobs.Select(j => finished.First(f => f.Token == j.Token))
                    .Select(job => (Job: job, Path: Path.Combine(Path.GetTempPath(), "pinterest-analytics-" + Guid.NewGuid().ToString("N") + ".json"))).ToList();
                files.AddRange(toDownload);
                await OrderedFanOut.RunAsync(toDownload, query.ThrottleLimit,
                    async (file, token) =>
                    {
                        using var download = await ReportDownload.OpenAsync(file.Job, IdleTimeout, log, token, token).ConfigureAwait(false);
                        await ReportFiles.SaveAsync(download, file.Path, token).ConfigureAwait(false);
                        return true;
                    },
                    (_, _) => Step(), ct).ConfigureAwait(false);
                log.Verbose($"Downloaded {files.Count} report file(s); reading rows.");

                // 4. Read and shape the rows.
                var names = query.Targeting && query.ResolveTargetingNames ? AnalyticsRunner.NameLookup(resources, query.AdAccountId, log) : null;
                var converter = new AsyncRowConverter(query, plan.Columns, currency, names);
                var merger = plan.MergesTotals ? new TotalMerger(converter.Schema, converter.Activator, plan.HiddenColumns, query.ZeroFill) : null;
                foreach (var (job, path) in files)
                {
                    using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
                    using var content = ReportContent.OpenDecoded(file, ct);
                    var head = new byte[16 * 1024];
                    int headLength = content.Read(head, 0, head.Length);
                    string? idColumn = ReportRows.DetectEntityIdColumn(job, Encoding.UTF8.GetString(head, 0, headLength));
                    var options = new ReportReadOptions
                    {
                        Columns = (query.Targeting ? new[] { TargetingTypeColumn, TargetingValueColumn } : Array.Empty<string>())
                            .Concat(plan.Columns).Concat(plan.HiddenColumns).ToList(),
                        Level = job.Level,
                        EntityIdColumn = idColumn,
                        AdAccountId = job.AdAccountId,
                        IncludeDate = query.Granularity != Granularity.Total,
                        HourlyDates = query.Granularity == Granularity.Hour,
                        ZeroFill = query.ZeroFill,
                        JsonLayout = JsonReportLayout.ByEntityId,
                        PreScanJsonKeys = false,
                    };
                    var reader = new JsonReportReader(new PrefixedStream(head, headLength, content), options);
                    try
                    {
                        // Blocking reads of a local file, on the thread pool; names may need a lookup (awaited).
                        foreach (var row in reader.ReadRows(ct))
                        {
                            var values = converter.ResolvesNames
                                ? await converter.ValuesAsync(row, idColumn, ct).ConfigureAwait(false)
                                : converter.Values(row, idColumn);
                            if (merger != null) merger.Add(values, row);
                            else output(converter.Activator.Create(values));
                        }
                    }
                    catch (Exception ex) when (ReportRows.IsReadFailure(ex))
                    {
                        throw ReportRows.Wrap(ex, job);
                    }
                }
                if (merger != null) foreach (var row in merger.Rows()) output(row);
            }
            finally
            {
                foreach (var (_, path) in files)
                {
                    try { File.Delete(path); }
                    catch (IOException) { }
                    catch (UnauthorizedAccessException) { }
                }
            }
        }
    }
}
