using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// A checked query split into the fewest calls the API's limits allow: ceil(ids / maxItems) id chunks
    /// x date spans x targeting-type chunks. Calls are ordered chunk, then span, then targeting chunk;
    /// that order is the order rows are written in.
    /// </summary>
    internal sealed class AnalyticsPlan
    {
        private AnalyticsPlan(AnalyticsQuery query, AnalyticsOperation operation, IReadOnlyList<string> columns,
            string? chunkedParameter, IReadOnlyList<(string Parameter, IReadOnlyList<string> Ids)> fixedLists,
            IReadOnlyList<DateSpan> spans, IReadOnlyList<AnalyticsCall> calls)
        {
            FixedLists = fixedLists;
            Query = query;
            Operation = operation;
            Columns = columns;
            ChunkedParameter = chunkedParameter;
            Spans = spans;
            Calls = calls;
        }

        public AnalyticsQuery Query { get; }
        public AnalyticsOperation Operation { get; }

        /// <summary>The resolved column names, in the requested order.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The id list split across calls (campaign_ids, ...), or null when there is none.</summary>
        public string? ChunkedParameter { get; }

        /// <summary>Id lists sent whole with every call (the ads operation's filters that are not split).</summary>
        public IReadOnlyList<(string Parameter, IReadOnlyList<string> Ids)> FixedLists { get; }

        public IReadOnlyList<DateSpan> Spans { get; }
        public IReadOnlyList<AnalyticsCall> Calls { get; }

        /// <summary>
        /// Checks every parameter against the operation's facts and splits the work into calls.
        /// Throws <see cref="PinterestValidationException"/> before any request is sent.
        /// </summary>
        /// <param name="query">What the user asked for.</param>
        /// <param name="columns">Columns already resolved by <see cref="ColumnResolver"/>.</param>
        /// <param name="log">Receives the warnings of date clamping.</param>
        /// <param name="syncDates">
        /// Check and split the dates against the synchronous limits (the sync path). The async path passes
        /// false: it shares every other check (the same mistake, the same error) and plans its own dates.
        /// </param>
        public static AnalyticsPlan Create(AnalyticsQuery query, IReadOnlyList<string> columns, IPinLog log, bool syncDates = true)
        {
            var operation = AnalyticsOperation.For(query.Level, query.Targeting);
            ConversionColumns.RefuseAtHour(query.Granularity, columns);
            Ids.RequireAdAccount("AdAccountId", query.AdAccountId);
            AttributionWindows.Check(query.ClickWindowDays, query.EngagementWindowDays, query.ViewWindowDays,
                field => operation.Api.Parameter(field).AllowedValues);
            if (query.ThrottleLimit < 1 || query.ThrottleLimit > AnalyticsDefaults.MaxThrottleLimit)
                throw new PinterestValidationException(ErrorIds.ThrottleLimitOutOfRange, "ThrottleLimit",
                    $"-ThrottleLimit {query.ThrottleLimit} is out of range: give 1 to {AnalyticsDefaults.MaxThrottleLimit} calls in flight (the session's rate budget applies either way).");
            if (operation.Level == AnalyticsLevel.Pin) return CreatePinPlan(query, operation, columns, log);
            RequireApplicable(query.AggregateReportRows.HasValue, "AggregateReportRows", "aggregate_report_rows", operation);
            RequireApplicable(query.AttributionTypes.Count > 0, "AttributionType", "attribution_types", operation);
            // campaign_ids and pin_ids are filters of ads/analytics only (elsewhere campaign_ids is the level's own -Id).
            RequireApplicable(query.CampaignIds.Count > 0, "CampaignId", "campaign_ids", operation, ownIdList: operation.IdParameter == "campaign_ids");
            RequireApplicable(query.PinIds.Count > 0, "PinId", "pin_ids", operation);

            // The id lists this call carries: the level's own, plus the ads operation's filters.
            var lists = new List<(string Parameter, string PowerShellName, IReadOnlyList<string> Ids)>();
            if (operation.IdParameter != null)
                lists.Add((operation.IdParameter, "Id", Ids.RequireAll("Id", query.Ids, operation.Api.Parameter(operation.IdParameter))));
            else if (query.Ids.Count > 0)
                throw new PinterestValidationException(ErrorIds.IdNotApplicable, "Id",
                    $"-Id does not apply at -Level {query.Level}: the {operation.ApiLevel} operation reports on the whole ad account (-AdAccountId). Leave -Id out, or choose -Level Campaign, AdGroup, Ad or ProductGroup.");
            if (query.CampaignIds.Count > 0 && operation.IdParameter != "campaign_ids")
                lists.Add(("campaign_ids", "CampaignId", Ids.RequireAll("CampaignId", query.CampaignIds, operation.Api.Parameter("campaign_ids"))));
            if (query.PinIds.Count > 0)
                lists.Add(("pin_ids", "PinId", Ids.RequireAll("PinId", query.PinIds, operation.Api.Parameter("pin_ids"))));

            foreach (var list in lists)
            {
                var parameter = operation.Api.Parameter(list.Parameter);
                if (parameter.Required && list.Ids.Count == 0)
                    throw new PinterestValidationException(ErrorIds.IdRequired, "Id",
                        $"-Id is required at -Level {query.Level}: give the {operation.ApiLevel.ToLowerInvariant().Replace('_', ' ')} ids, or pipe them in (e.g. Get-Pin{query.Level} | Get-Pin{(query.Targeting ? "Targeting" : "")}Analytics ...).");
            }

            // ads/analytics answers 400 without ad_ids unless both campaign_ids and pin_ids are given.
            if (operation.Level == AnalyticsLevel.Ad && !operation.IsTargeting && query.Ids.Count == 0
                && !(query.CampaignIds.Count > 0 && query.PinIds.Count > 0))
                throw new PinterestValidationException(ErrorIds.IdRequired, query.CampaignIds.Count > 0 ? "PinId" : "Id",
                    "-Level Ad needs the ad ids (-Id, or pipe Get-PinAd), or both -CampaignId and -PinId: Pinterest's ads analytics take ad_ids, or campaign_ids together with pin_ids." +
                    (query.CampaignIds.Count > 0 ? " -CampaignId alone is not enough: add -PinId, or give the ad ids." : ""));

            // One list may be split across calls (filters intersect, so splitting one of them is exact);
            // the others must fit one call.
            var chunked = lists.FirstOrDefault(l => l.Ids.Count > 0);
            foreach (var other in lists.Where(l => l.Ids.Count > 0 && l.Parameter != chunked.Parameter))
            {
                int max = operation.MaxItems(other.Parameter) ?? int.MaxValue;
                if (other.Ids.Count > max)
                    throw new PinterestValidationException(ErrorIds.TooManyIds, other.PowerShellName,
                        $"-{other.PowerShellName} has {other.Ids.Count} ids but {operation.Id} takes at most {max} {other.Parameter} per call, and only one id list ({chunked.Parameter}) can be split across calls. Give at most {max}, or run once per group.");
            }

            // aggregate_report_rows makes one row of all the ids of a call: over several calls it would give several
            // "aggregates", so the ids must fit one call.
            if (query.AggregateReportRows == true && chunked.Ids != null)
            {
                int max = operation.MaxItems(chunked.Parameter) ?? ApiLimits.SyncIdsPerCall;
                if (chunked.Ids.Count > max)
                    throw new PinterestValidationException(ErrorIds.AggregateTooManyIds, chunked.PowerShellName,
                        $"-AggregateReportRows makes one row of the ids of one call, and {operation.Id} takes at most {max} {chunked.Parameter}; {chunked.Ids.Count} ids would need several calls and give several partial aggregates. " +
                        $"Give at most {max} ids, or leave -AggregateReportRows out and sum the rows (Measure-Object -Sum).");
            }

            var targetingChunks = TargetingChunks(query, operation);
            var spans = syncDates
                ? DateWindows.Plan(query.StartDate, query.EndDate, query.Today, query.Granularity, query.ClampToAvailable, log, operation.Id)
                : new[] { new DateSpan(ApiDates.ToCalendarDate(query.StartDate), ApiDates.ToCalendarDate(query.EndDate)) };

            IReadOnlyList<IReadOnlyList<string>> idChunks = chunked.Ids == null || chunked.Ids.Count == 0
                ? new[] { (IReadOnlyList<string>)Array.Empty<string>() }
                : Validation.Ids.Chunk(chunked.Ids, operation.MaxItems(chunked.Parameter) ?? ApiLimits.SyncIdsPerCall).ToList();

            var calls = new List<AnalyticsCall>();
            for (int chunk = 0; chunk < idChunks.Count; chunk++)
                foreach (var span in spans)
                    foreach (var types in targetingChunks)
                        calls.Add(new AnalyticsCall(calls.Count, chunk, idChunks[chunk], span, types));

            var fixedLists = lists.Where(l => l.Ids.Count > 0 && l.Parameter != chunked.Parameter)
                .Select(l => (l.Parameter, l.Ids)).ToList();
            return new AnalyticsPlan(query, operation, columns, chunked.Ids?.Count > 0 ? chunked.Parameter : null, fixedLists, spans, calls);
        }

        /// <summary>ad_pins/analytics: campaigns x chunks of at most 100 pins x date spans (see <see cref="PinAnalytics"/>).</summary>
        private static AnalyticsPlan CreatePinPlan(AnalyticsQuery query, AnalyticsOperation operation, IReadOnlyList<string> columns, IPinLog log)
        {
            var chunks = PinAnalytics.Chunks(query, operation);
            TargetingChunks(query, operation);
            var spans = DateWindows.Plan(query.StartDate, query.EndDate, query.Today, query.Granularity, query.ClampToAvailable, log);
            var calls = new List<AnalyticsCall>();
            for (int chunk = 0; chunk < chunks.Count; chunk++)
                foreach (var span in spans)
                    calls.Add(new AnalyticsCall(calls.Count, chunk, chunks[chunk].PinIds, span, Array.Empty<string>(), chunks[chunk].CampaignId));
            return new AnalyticsPlan(query, operation, columns, "pin_ids", Array.Empty<(string, IReadOnlyList<string>)>(), spans, calls);
        }

        /// <summary>The request for one call, every parameter encoded as the description says.</summary>
        public ApiRequest Request(AnalyticsCall call)
        {
            var q = Query;
            var request = new ApiRequest(Operation.Id)
                .Path("ad_account_id", q.AdAccountId)
                .QueryValue("start_date", call.Span.Start)
                .QueryValue("end_date", call.Span.End)
                .QueryArray("columns", Columns)
                .QueryValue("granularity", ApiNames.ToApi(q.Granularity))
                .QueryValue("click_window_days", q.ClickWindowDays)
                .QueryValue("engagement_window_days", q.EngagementWindowDays)
                .QueryValue("view_window_days", q.ViewWindowDays)
                .QueryValue("conversion_report_time", q.ConversionReportTime)
                .QueryValue("reporting_timezone", q.ReportingTimeZone);
            if (call.CampaignId != null) request.QueryValue("campaign_id", call.CampaignId);
            if (ChunkedParameter != null) request.QueryArray(ChunkedParameter, call.Ids);
            foreach (var list in FixedLists) request.QueryArray(list.Parameter, list.Ids);
            if (q.AggregateReportRows.HasValue) request.QueryValue("aggregate_report_rows", q.AggregateReportRows);
            if (Operation.IsTargeting)
            {
                request.QueryArray("targeting_types", call.TargetingTypes);
                request.QueryArray("attribution_types", q.AttributionTypes.Distinct().Select(a => ApiNames.ToApi(a)));
            }
            return request;
        }

        private static IReadOnlyList<IReadOnlyList<string>> TargetingChunks(AnalyticsQuery query, AnalyticsOperation operation)
        {
            if (!operation.IsTargeting)
            {
                if (query.TargetingTypes.Count > 0)
                    throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, "TargetingType",
                        "-TargetingType applies to Get-PinTargetingAnalytics only.");
                return new[] { (IReadOnlyList<string>)Array.Empty<string>() };
            }
            var types = query.TargetingTypes.Distinct().Select(t => ApiNames.ToApi(t)).ToList();
            if (types.Count == 0)
                throw new PinterestValidationException(ErrorIds.TargetingTypeRequired, "TargetingType",
                    $"-TargetingType is required: give one or more of {string.Join(", ", operation.TargetingTypes.Select(PowerShellTargetingName))}.");
            var unsupported = types.Where(t => !operation.TargetingTypes.Contains(t, StringComparer.Ordinal)).ToList();
            if (unsupported.Count > 0)
                throw new PinterestValidationException(ErrorIds.TargetingTypeNotSupported, "TargetingType",
                    $"-TargetingType {string.Join(", ", unsupported.Select(PowerShellTargetingName))} is not offered at -Level {query.Level} ({operation.Id}). Use: {string.Join(", ", operation.TargetingTypes.Select(PowerShellTargetingName))}.");
            int max = operation.MaxItems("targeting_types") ?? types.Count;
            return Validation.Ids.Chunk(types, max).ToList();
        }

        private static string PowerShellTargetingName(string apiName) =>
            ApiNames.TryParse<AnalyticsTargetingType>(apiName, out var value) ? value.ToString() : apiName;

        private static void RequireApplicable(bool given, string powerShellName, string parameter, AnalyticsOperation operation, bool ownIdList = false)
        {
            if (!given || (!ownIdList && operation.Accepts(parameter))) return;
            var levels = AnalyticsOperation.Levels(operation.IsTargeting)
                .Select(l => AnalyticsOperation.For(l, operation.IsTargeting))
                .Where(o => o.Accepts(parameter) && o.IdParameter != parameter)
                .Select(o => o.Level).ToList();
            string where = levels.Count > 0 ? $" It applies at -Level {string.Join(", ", levels)}." : (operation.IsTargeting ? " It applies to Get-PinAnalytics only." : " It applies to Get-PinTargetingAnalytics only.");
            throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, powerShellName,
                $"-{powerShellName} does not apply at -Level {operation.Level}: {operation.Id} has no {parameter} parameter.{where}");
        }
    }
}
