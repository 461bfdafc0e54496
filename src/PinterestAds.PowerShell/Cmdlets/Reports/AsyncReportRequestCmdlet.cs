using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Templates;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// The parameters of a report request, shared by New-PinAsyncReport and Invoke-PinReport: a custom
    /// report (every field of AdsAnalyticsCreateAsyncRequest) or a template run. Creates the job(s) -
    /// several when the request is beyond one report's limits.
    /// </summary>
    public abstract class AsyncReportRequestCmdlet : ReportCmdletBase
    {
        protected const string CustomSet = "Custom";
        protected const string TemplateSet = "Template";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>The reporting level: CampaignTargeting or CAMPAIGN_TARGETING both work.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CustomSet)]
        [ApiEnumArgumentTransformation(typeof(ReportLevel))]
        // No ArgumentCompleter: PowerShell completes enum parameters itself (PowerShell names) and
        // never calls a completer for them.
        public ReportLevel Level { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? TemplateId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CustomSet)]
        [Parameter(ParameterSetName = TemplateSet)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime StartDate { get; set; }

        /// <summary>Last day, inclusive (UTC calendar date). Custom reports: defaults to today (UTC), as Get-PinAnalytics.</summary>
        [Parameter(ParameterSetName = CustomSet)]
        [Parameter(ParameterSetName = TemplateSet)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime EndDate { get; set; }

        /// <summary>
        /// Entities to report on (Get-PinCampaign, Get-PinAdGroup, Get-PinAd, Get-PinProductGroup, or Import-Csv rows
        /// with the module's id columns): the report is filtered by exactly their ids, batched per ad account and entity level into as few reports as the limits allow.
        /// </summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = CustomSet)]
        [ValidateNotNull]
        [PipedEntityArgumentTransformation]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public PinEntity[]? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CustomSet)]
        [ArgumentCompleter(typeof(ReportColumnCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Column { get; set; }

        [Parameter(ParameterSetName = CustomSet)]
        [Parameter(ParameterSetName = TemplateSet)]
        [ApiEnumArgumentTransformation(typeof(Granularity))]
        public Granularity Granularity { get; set; } = Granularity.Day;

        /// <summary>CSV (default: zero-filled, fastest to read) or JSON.</summary>
        [Parameter(ParameterSetName = CustomSet)]
        [ApiEnumArgumentTransformation(typeof(ReportFormat))]
        public ReportFormat Format { get; set; } = ReportFormat.Csv;

        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.EntityIdCompleter))] public string[]? CampaignId { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.EntityIdCompleter))] public string[]? AdGroupId { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.EntityIdCompleter))] public string[]? AdId { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.EntityIdCompleter))] public string[]? ProductGroupId { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.NoValueCompleter))] public string[]? ProductItemId { get; set; }

        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(ReportFilterValueCompleter))] public string[]? CampaignStatus { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(ReportFilterValueCompleter))] public string[]? AdGroupStatus { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(ReportFilterValueCompleter))] public string[]? AdStatus { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(ReportFilterValueCompleter))] public string[]? ProductGroupStatus { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(ReportFilterValueCompleter))] public string[]? CampaignObjectiveType { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(ReportFilterValueCompleter))] public string[]? TargetingType { get; set; }
        [Parameter(ParameterSetName = CustomSet)] public SwitchParameter CombineTargetingTypes { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.NoValueCompleter))] public string? CampaignBrandLabel { get; set; }

        /// <summary>'SPEND_IN_DOLLAR &gt; 10' or @{ Field = ...; Operator = 'GreaterThan'; Values = ... }.</summary>
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.NoValueCompleter))] public object[]? MetricsFilter { get; set; }

        /// <summary>'ADE_ROAS:event name' or @{ Type = 'ADE_ROAS'; Name = 'event name' }.</summary>
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.NoValueCompleter))] public object[]? CustomConversionEventMetric { get; set; }

        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.AttributionWindowCompleter))] public int ClickWindowDays { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.AttributionWindowCompleter))] public int EngagementWindowDays { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.AttributionWindowCompleter))] public int ViewWindowDays { get; set; }

        [Parameter(ParameterSetName = CustomSet)]
        [ApiEnumArgumentTransformation(typeof(AttributionType))]
        public AttributionType[]? AttributionType { get; set; }

        [Parameter(ParameterSetName = CustomSet)]
        [ApiEnumArgumentTransformation(typeof(ConversionReportTime))]
        public ConversionReportTime ConversionReportTime { get; set; }

        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.NoValueCompleter))] public int StartHour { get; set; }
        [Parameter(ParameterSetName = CustomSet), ArgumentCompleter(typeof(Completion.NoValueCompleter))] public int EndHour { get; set; }

        [Parameter(ParameterSetName = CustomSet)]
        [ApiEnumArgumentTransformation(typeof(ReportSort))]
        public ReportSort PrimarySort { get; set; }

        [Parameter(ParameterSetName = CustomSet)]
        [ApiEnumArgumentTransformation(typeof(ReportingTimeZone))]
        public ReportingTimeZone ReportingTimeZone { get; set; }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        // Piped entities, batched per (ad account, entity level) in the order first seen.
        private readonly List<(string AdAccountId, AnalyticsLevel Level, List<string> Ids)> _piped = new();

        /// <summary>Whether this record is a piped entity (held for a batch) rather than a request of its own.</summary>
        private protected bool CollectPipedEntities()
        {
            if (ParameterSetName != CustomSet || InputObject == null || !Bound(nameof(InputObject))) return false;
            foreach (var piped in InputObject)
            {
                if (piped == null) continue;
                var entity = piped;
                if (piped is Engine.Entities.PinEntityReference reference)
                {
                    // An Import-Csv row: the level it names (its Level column, else its most specific id column).
                    try { entity = reference.Resolve(null, () => ResolveAdAccountId(ResolveSession(), AdAccountId), nameof(InputObject)); }
                    catch (PinterestValidationException ex)
                    {
                        WriteFailure(ex, reference);
                        continue;
                    }
                }
                int at = _piped.FindIndex(p => p.AdAccountId == entity.AdAccountId && p.Level == entity.Level);
                if (at < 0)
                {
                    _piped.Add((entity.AdAccountId, entity.Level, new List<string>()));
                    at = _piped.Count - 1;
                }
                if (entity.Level != AnalyticsLevel.AdAccount && !_piped[at].Ids.Contains(entity.Id)) _piped[at].Ids.Add(entity.Id);
            }
            return true;
        }

        /// <summary>The piped batches, one job list per (ad account, level): each filtered by exactly its ids.</summary>
        private protected IEnumerable<IReadOnlyList<ReportJob>> CreatePipedJobs()
        {
            var session = ResolveSession();
            foreach (var (adAccountId, level, ids) in _piped)
            {
                IReadOnlyList<ReportJob> jobs;
                try
                {
                    jobs = CreateCustomJobs(session, adAccountId, level, ids);
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteFailure(ex, ids.Count > 0 ? ids.ToArray() : (object)adAccountId);
                    continue;
                }
                yield return jobs;
            }
            _piped.Clear();
        }

        /// <summary>Validates, asks ShouldProcess per report, and creates the jobs. Failures are written as errors.</summary>
        private protected IReadOnlyList<ReportJob> CreateJobs()
        {
            var session = ResolveSession();
            try
            {
                string adAccountId = ResolveAdAccountId(session, AdAccountId);
                // Before the template lookup: the sandbox lists templates but cannot run them.
                session.EnsureSupports(ParameterSetName == TemplateSet ? "analytics/create_template_report" : "analytics/create_report");
                return ParameterSetName == TemplateSet ? CreateTemplateJobs(session, adAccountId) : CreateCustomJobs(session, adAccountId);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteFailure(ex, ParameterSetName == TemplateSet ? (object?)TemplateId : Level);
                return Array.Empty<ReportJob>();
            }
        }

        private IReadOnlyList<ReportJob> CreateCustomJobs(PinterestSession session, string adAccountId, AnalyticsLevel? pipedLevel = null, IReadOnlyList<string>? pipedIds = null)
        {
            var columns = ListArguments.SplitCommas(Column) ?? Array.Empty<string>();
            // Display names need the metric catalogue; API names and wildcards never cost a request.
            IReadOnlyList<Engine.Analytics.MetricName>? metricNames = null;
            if (Engine.Analytics.ColumnResolver.NeedsDisplayNames(columns, ReportRequestPlanner.AllowedValues("columns")))
            {
                var resources = new Engine.Analytics.SessionAnalyticsResources(session);
                try { metricNames = Pump(async (pump, ct) => await resources.GetMetricNamesAsync(pump, ct).ConfigureAwait(false)); }
                catch (PinterestException ex) { WriteVerbose($"The metric catalogue is not reachable ({ex.Message}); display names cannot be resolved."); }
            }
            var spec = new AsyncReportQuery
            {
                AdAccountId = adAccountId,
                Level = Level,
                StartDate = StartDate,
                EndDate = Bound(nameof(EndDate)) ? EndDate : ApiDates.Today(session.Time),
                Today = ApiDates.Today(session.Time),
                Granularity = Granularity,
                Columns = columns,
                MetricNames = metricNames,
                Format = Format,
                CampaignIds = ListArguments.SplitCommas(CampaignId),
                AdGroupIds = ListArguments.SplitCommas(AdGroupId),
                AdIds = ListArguments.SplitCommas(AdId),
                ProductGroupIds = ListArguments.SplitCommas(ProductGroupId),
                ProductItemIds = ListArguments.SplitCommas(ProductItemId),
                CampaignStatuses = ListArguments.SplitCommas(CampaignStatus),
                AdGroupStatuses = ListArguments.SplitCommas(AdGroupStatus),
                AdStatuses = ListArguments.SplitCommas(AdStatus),
                ProductGroupStatuses = ListArguments.SplitCommas(ProductGroupStatus),
                CampaignObjectiveTypes = ListArguments.SplitCommas(CampaignObjectiveType),
                TargetingTypes = ListArguments.SplitCommas(TargetingType),
                CombineTargetingTypes = Bound(nameof(CombineTargetingTypes)) ? CombineTargetingTypes.IsPresent : (bool?)null,
                CampaignBrandLabel = CampaignBrandLabel,
                MetricsFilters = MetricsFilter?.Select(ToMetricsFilter).ToList(),
                CustomConversionEventMetrics = CustomConversionEventMetric?.Select(ToCustomMetric).ToList(),
                ClickWindowDays = Bound(nameof(ClickWindowDays)) ? ClickWindowDays : (int?)null,
                EngagementWindowDays = Bound(nameof(EngagementWindowDays)) ? EngagementWindowDays : (int?)null,
                ViewWindowDays = Bound(nameof(ViewWindowDays)) ? ViewWindowDays : (int?)null,
                AttributionTypes = AttributionType,
                ConversionReportTime = Bound(nameof(ConversionReportTime)) ? ConversionReportTime : (ConversionReportTime?)null,
                StartHour = Bound(nameof(StartHour)) ? StartHour : (int?)null,
                EndHour = Bound(nameof(EndHour)) ? EndHour : (int?)null,
                PrimarySort = Bound(nameof(PrimarySort)) ? PrimarySort : (ReportSort?)null,
                ReportingTimeZone = Bound(nameof(ReportingTimeZone)) ? ReportingTimeZone : (ReportingTimeZone?)null,
            };
            if (pipedLevel.HasValue && pipedIds != null && pipedIds.Count > 0)
            {
                // Exactly the piped ids, in the id list of their own level (a coarser filter than the report
                // level is exact; the planner refuses a finer one that would need splitting).
                switch (pipedLevel.Value)
                {
                    case AnalyticsLevel.Campaign: spec.CampaignIds = Merge(spec.CampaignIds, pipedIds); break;
                    case AnalyticsLevel.AdGroup: spec.AdGroupIds = Merge(spec.AdGroupIds, pipedIds); break;
                    case AnalyticsLevel.Ad: spec.AdIds = Merge(spec.AdIds, pipedIds); break;
                    case AnalyticsLevel.ProductGroup: spec.ProductGroupIds = Merge(spec.ProductGroupIds, pipedIds); break;
                }
            }
            var plan = ReportRequestPlanner.Plan(spec);
            if (plan.Reports.Count > 1)
                WriteVerbose($"The request is beyond one report's limits; it becomes {plan.Reports.Count} reports.");

            var jobs = new List<ReportJob>();
            foreach (var planned in plan.Reports)
            {
                string action = $"Create {plan.Level} {spec.Format} report {ApiDates.Format(planned.StartDate)}..{ApiDates.Format(planned.EndDate)}" +
                                (planned.PartCount > 1 ? $" (part {planned.Part} of {planned.PartCount})" : "");
                if (!ShouldProcess($"ad account {adAccountId}", action)) continue;
                // One part failing does not stop the others.
                try { jobs.Add(Pump(async (pump, ct) => await AsyncReports.CreateAsync(session, spec, plan, planned, pump, ct).ConfigureAwait(false))); }
                catch (Exception ex) when (!(ex is PipelineStoppedException)) { WriteFailure(ex, action); }
            }
            return jobs;
        }

        private IReadOnlyList<ReportJob> CreateTemplateJobs(PinterestSession session, string adAccountId)
        {
            string templateId = Ids.Require(nameof(TemplateId), TemplateId, Ids.Facts("analytics/create_template_report", "template_id"));
            var template = Pump(async (pump, ct) => await TemplateQueries.FindAsync(session, adAccountId, templateId, pump, ct).ConfigureAwait(false));
            if (template == null)
                WriteWarning($"Template {templateId} is not among the templates of ad account {adAccountId}; its level and columns are unknown, so rows keep the file's own column order.");

            DateTime? start = Bound(nameof(StartDate)) ? ApiDates.ToCalendarDate(StartDate) : (DateTime?)null;
            DateTime? end = Bound(nameof(EndDate)) ? ApiDates.ToCalendarDate(EndDate) : (DateTime?)null;
            Granularity? granularity = Bound(nameof(Granularity)) ? Granularity : (Granularity?)null;

            // The template report's own window (2.5 years back and long, not the custom report's 914 days and 186-day parts).
            var ranges = TemplateReportWindow.Plan(start, end, ApiDates.Today(session.Time));

            var jobs = new List<ReportJob>();
            for (int i = 0; i < ranges.Count; i++)
            {
                var (from, to) = ranges[i];
                string action = $"Run template {templateId}" + (template?.Name != null ? $" '{template.Name}'" : "") +
                                (from.HasValue ? $" for {ApiDates.Format(from.Value)}..{ApiDates.Format(to ?? from.Value)}" : "") +
                                (ranges.Count > 1 ? $" (part {i + 1} of {ranges.Count})" : "");
                if (!ShouldProcess($"ad account {adAccountId}", action)) continue;
                int part = i + 1;
                try
                {
                    jobs.Add(Pump(async (pump, ct) => await AsyncReports.CreateFromTemplateAsync(session, adAccountId, templateId, template,
                        from, to, granularity, part, ranges.Count, pump, ct).ConfigureAwait(false)));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException)) { WriteFailure(ex, action); }
            }
            return jobs;
        }

        private static IReadOnlyList<string> Merge(IReadOnlyList<string>? given, IReadOnlyList<string> piped) =>
            given == null || given.Count == 0 ? piped : given.Concat(piped).Distinct(StringComparer.Ordinal).ToList();

        private static ReportMetricsFilter ToMetricsFilter(object value)
        {
            object item = value is PSObject ps ? ps.BaseObject : value;
            if (item is ReportMetricsFilter filter) return filter;
            if (item is string text)
                return ReportMetricsFilter.TryParse(text) ?? throw new PinterestValidationException(ErrorIds.MetricsFilterInvalid, "MetricsFilter",
                    $"-MetricsFilter '{text}' is not understood. Write it as 'SPEND_IN_DOLLAR > 10' or 'TOTAL_IMPRESSION < 1000' (several values: '> 1,2').");
            if (item is IDictionary map)
            {
                string? field = Lookup(map, "Field")?.ToString();
                string? op = Lookup(map, "Operator")?.ToString();
                object? raw = Lookup(map, "Values") ?? Lookup(map, "Value");
                var values = raw is IEnumerable list && !(raw is string)
                    ? list.Cast<object>().Select(ToDouble).ToList()
                    : raw != null ? new List<double> { ToDouble(raw) } : new List<double>();
                if (field != null && op != null) return new ReportMetricsFilter(field, op, values);
            }
            throw new PinterestValidationException(ErrorIds.MetricsFilterInvalid, "MetricsFilter",
                "-MetricsFilter takes 'FIELD > value' strings or hashtables @{ Field = 'SPEND_IN_DOLLAR'; Operator = 'GreaterThan'; Values = 10 }.");
        }

        private static CustomConversionEventMetric ToCustomMetric(object value)
        {
            object item = value is PSObject ps ? ps.BaseObject : value;
            if (item is CustomConversionEventMetric metric) return metric;
            if (item is string text)
            {
                int colon = text.IndexOf(':');
                return colon < 0 ? new CustomConversionEventMetric(text.Trim(), null) : new CustomConversionEventMetric(text.Substring(0, colon).Trim(), text.Substring(colon + 1).Trim());
            }
            if (item is IDictionary map && Lookup(map, "Type") is object type)
                return new CustomConversionEventMetric(type.ToString()!, Lookup(map, "Name")?.ToString());
            throw new PinterestValidationException(ErrorIds.CustomConversionEventMetricInvalid, "CustomConversionEventMetric",
                "-CustomConversionEventMetric takes 'ADE_ROAS:event name' strings or hashtables @{ Type = 'ADE_ROAS'; Name = 'event name' }.");
        }

        private static object? Lookup(IDictionary map, string key)
        {
            foreach (DictionaryEntry entry in map)
                if (string.Equals(entry.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
                    return entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
            return null;
        }

        private static double ToDouble(object value) =>
            Convert.ToDouble(value is PSObject ps ? ps.BaseObject : value, CultureInfo.InvariantCulture);
    }
}
