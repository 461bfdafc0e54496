using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Turns an <see cref="AsyncReportQuery"/> into the <c>AdsAnalyticsCreateAsyncRequest</c> bodies to send:
    /// every value checked against the API catalogue (enums, maxItems, minimum/maximum) and the
    /// limits table before any request, and a request beyond one report's limits (date span, ids per
    /// list) split into several reports.
    /// </summary>
    internal static class ReportRequestPlanner
    {
        private const string BodySchema = "AdsAnalyticsCreateAsyncRequest";

        private static ApiBody Body => ApiCatalog.Current.Body(BodySchema);

        private static ApiSchemaFacts Field(string name) => Body.Properties[name];

        /// <summary>The parameters behind the body fields whose items have required fields, for <see cref="RequiredFields"/>.</summary>
        private static readonly Dictionary<string, (string Parameter, string Fix)> RequiredFieldSources = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["custom_conversion_event_metrics"] = ("CustomConversionEventMetric",
                "Name the custom event: 'ADE_ROAS:event name' or @{ Type = 'ADE_ROAS'; Name = 'event name' }."),
            ["metrics_filters"] = ("MetricsFilter", "Give a field, an operator and at least one value: 'SPEND_IN_DOLLAR > 10'."),
        };

        /// <summary>The catalogue's allowed values of a body field (or of its items).</summary>
        public static IReadOnlyList<string> AllowedValues(string field) => Field(field).AllowedValues ?? Array.Empty<string>();

        public static ReportPlan Plan(AsyncReportQuery spec)
        {
            string level = ApiNames.ToApi(spec.Level);
            string granularity = ApiNames.ToApi(spec.Granularity);
            bool targetingLevel = level.EndsWith("_TARGETING", StringComparison.Ordinal);
            bool productItem = level.StartsWith("PRODUCT_ITEM", StringComparison.Ordinal);

            // Columns: API names, wildcards or display names, the same matching as Get-PinAnalytics.
            var columns = Analytics.ColumnResolver.Resolve(spec.Columns, AllowedValues("columns"), spec.MetricNames);
            Analytics.ConversionColumns.RefuseAtHour(spec.Granularity, columns);
            var hiddenColumns = spec.HiddenColumns ?? Array.Empty<string>();

            // Dates: order and lookback here; the span is split below.
            var window = ReportWindows.For(level, granularity);
            DateTime start = ApiDates.ToCalendarDate(spec.StartDate), end = ApiDates.ToCalendarDate(spec.EndDate);
            ReportWindows.Check(start, end, spec.Today, window, ReportWindows.Describe(level, granularity));

            var campaignIds = Ids.RequireAll("CampaignId", spec.CampaignIds);
            var adGroupIds = Ids.RequireAll("AdGroupId", spec.AdGroupIds);
            var adIds = Ids.RequireAll("AdId", spec.AdIds);
            var productGroupIds = Ids.RequireAll("ProductGroupId", spec.ProductGroupIds);
            var productItemIds = Ids.RequireAll("ProductItemId", spec.ProductItemIds);

            var campaignStatuses = EnumList("CampaignStatus", "campaign_statuses", spec.CampaignStatuses);
            var adGroupStatuses = EnumList("AdGroupStatus", "ad_group_statuses", spec.AdGroupStatuses);
            var adStatuses = EnumList("AdStatus", "ad_statuses", spec.AdStatuses);
            var productGroupStatuses = EnumList("ProductGroupStatus", "product_group_statuses", spec.ProductGroupStatuses);
            var objectiveTypes = EnumList("CampaignObjectiveType", "campaign_objective_types", spec.CampaignObjectiveTypes);
            var targetingTypes = EnumList("TargetingType", "targeting_types", spec.TargetingTypes);

            if (targetingLevel && targetingTypes.Count == 0)
                throw new PinterestValidationException(ErrorIds.TargetingTypeRequired, "TargetingType",
                    $"-Level {level} breaks metrics down by targeting: give -TargetingType (at most {Field("targeting_types").MaxItems}), e.g. -TargetingType GENDER,LOCATION.");
            if (!targetingLevel && targetingTypes.Count > 0)
                throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, "TargetingType",
                    $"-TargetingType only applies to the *_TARGETING levels; -Level is {level}. Use -Level {level}_TARGETING, or drop -TargetingType.");
            foreach (string type in targetingTypes)
            {
                if (ApiLimits.AsyncTargetingTypeOnlyAtLevel.TryGetValue(type, out string? onlyAt) && onlyAt != level)
                    throw new PinterestValidationException(ErrorIds.TargetingTypeNotAtLevel, "TargetingType",
                        $"-TargetingType {type} is only available at level {onlyAt}; -Level is {level}. Use -Level {onlyAt}, or drop {type}.");
            }

            if (productItem)
            {
                if (adIds.Count > 0 || adStatuses.Count > 0)
                    throw new PinterestValidationException(ErrorIds.AdFilterNotAllowed, adIds.Count > 0 ? "AdId" : "AdStatus",
                        $"Reports at level {level} cannot filter by ads: Pinterest refuses ad_ids and ad_statuses there. Drop -AdId/-AdStatus or use -Level PinPromotion.");
                string? adColumn = columns.FirstOrDefault(ProductItemColumns.IsAdColumn);
                if (adColumn != null)
                    throw new PinterestValidationException(ErrorIds.AdColumnNotAllowed, "Column",
                        $"-Column {adColumn} is an ad or pin promotion column, which Pinterest refuses at level {level} (AD_ACCOUNT_ID and the AD_GROUP_* columns are fine). Remove it.");
            }

            if (spec.StartHour.HasValue || spec.EndHour.HasValue)
            {
                if (spec.Granularity != Granularity.Hour)
                    throw new PinterestValidationException(ErrorIds.HourNeedsHourGranularity, spec.StartHour.HasValue ? "StartHour" : "EndHour",
                        "-StartHour and -EndHour only apply with -Granularity Hour.");
                CheckRange("StartHour", "start_hour", spec.StartHour);
                CheckRange("EndHour", "end_hour", spec.EndHour);
            }

            AttributionWindows.Check(spec.ClickWindowDays, spec.EngagementWindowDays, spec.ViewWindowDays, field => Field(field).AllowedValues);
            var attribution = (spec.AttributionTypes ?? Array.Empty<AttributionType>()).Distinct().Select(a => ApiNames.ToApi(a)).ToList();

            var filters = (spec.MetricsFilters ?? Array.Empty<ReportMetricsFilter>()).Select(NormalizeFilter).ToList();
            var customMetrics = (spec.CustomConversionEventMetrics ?? Array.Empty<CustomConversionEventMetric>()).Select(NormalizeCustomMetric).ToList();

            // Splitting: date ranges (cut on week/month boundaries) x chunks of every id list longer than one report allows.
            var ranges = ReportWindows.Split(start, end, window.MaxSpanDays, spec.Granularity);
            if (ranges.Count > 1 && spec.Granularity == Granularity.Total && !spec.MergesTotalParts)
                throw new PinterestValidationException(ErrorIds.TotalSpanTooLong, "EndDate",
                    $"-Granularity Total over {(end - start).TotalDays + 1:0} days needs {ranges.Count} reports ({window.MaxSpanDays} days each, the limit for {ReportWindows.Describe(level, granularity)}), " +
                    "and each would carry its own total. Use Get-PinAnalytics -Granularity Total (it re-aggregates the parts exactly, or refuses columns it cannot), " +
                    $"-Granularity Day, or a range of at most {window.MaxSpanDays} days.");
            var idLists = new[]
            {
                ("campaign_ids", "CampaignId", campaignIds), ("ad_group_ids", "AdGroupId", adGroupIds), ("ad_ids", "AdId", adIds),
                ("product_group_ids", "ProductGroupId", productGroupIds), ("product_item_ids", "ProductItemId", productItemIds),
            };
            var combinations = new List<Dictionary<string, IReadOnlyList<string>>> { new Dictionary<string, IReadOnlyList<string>>() };
            foreach (var (field, parameterName, ids) in idLists)
            {
                if (ids.Count == 0) continue;
                int max = Field(field).MaxItems ?? ApiLimits.AsyncIdsPerReport;
                // A list of entities below the report's level, split over reports, would give one entity a
                // partial row per report (one campaign, its ad groups spread over two reports).
                if (ids.Count > max && IdRank(field) > LevelRank(level))
                    throw new PinterestValidationException(ErrorIds.IdListFinerThanLevel, parameterName,
                        $"-{parameterName} has {ids.Count} ids, more than the {max} one report takes, and they are finer than level {level}: split over several reports, " +
                        $"one {level.ToLowerInvariant().Replace('_', ' ')} would come back as several partial rows. Report at the level of those ids instead, or filter by the {level.ToLowerInvariant().Replace('_', ' ')} ids.");
                combinations = combinations.SelectMany(c => Ids.Chunk(ids, max).Select(chunk =>
                    new Dictionary<string, IReadOnlyList<string>>(c) { [field] = chunk })).ToList();
            }

            ReportSort sort = spec.PrimarySort ?? ReportSort.ById;
            int partCount = ranges.Count * combinations.Count, part = 0;
            var reports = new List<ReportCall>(partCount);
            for (int rangeIndex = 0; rangeIndex < ranges.Count; rangeIndex++)
            {
                var (from, to) = ranges[rangeIndex];
                // start_hour is the hour of the start date and end_hour that of the end date: only the first
                // part starts late and only the last ends early; the parts between cover whole days.
                int? startHour = rangeIndex == 0 ? spec.StartHour : null;
                int? endHour = rangeIndex == ranges.Count - 1 ? spec.EndHour : null;
                foreach (var idChunks in combinations)
                {
                    byte[] body = JsonBody.Object(w =>
                    {
                        w.WriteString("start_date", ApiDates.Format(from));
                        w.WriteString("end_date", ApiDates.Format(to));
                        w.WriteString("granularity", granularity);
                        w.WriteString("level", level);
                        JsonBody.StringsIfAny(w, "columns", columns.Concat(hiddenColumns.Where(h => !columns.Contains(h, StringComparer.Ordinal))).ToList());
                        foreach (var pair in idChunks) JsonBody.StringsIfAny(w, pair.Key, pair.Value);
                        JsonBody.StringsIfAny(w, "campaign_statuses", campaignStatuses);
                        JsonBody.StringsIfAny(w, "ad_group_statuses", adGroupStatuses);
                        JsonBody.StringsIfAny(w, "ad_statuses", adStatuses);
                        JsonBody.StringsIfAny(w, "product_group_statuses", productGroupStatuses);
                        JsonBody.StringsIfAny(w, "campaign_objective_types", objectiveTypes);
                        JsonBody.StringsIfAny(w, "targeting_types", targetingTypes);
                        if (spec.CombineTargetingTypes.HasValue) w.WriteBoolean("combine_targeting_types", spec.CombineTargetingTypes.Value);
                        if (!string.IsNullOrEmpty(spec.CampaignBrandLabel)) w.WriteString("campaign_brand_label", spec.CampaignBrandLabel);
                        if (spec.ClickWindowDays.HasValue) w.WriteNumber("click_window_days", spec.ClickWindowDays.Value);
                        if (spec.EngagementWindowDays.HasValue) w.WriteNumber("engagement_window_days", spec.EngagementWindowDays.Value);
                        if (spec.ViewWindowDays.HasValue) w.WriteNumber("view_window_days", spec.ViewWindowDays.Value);
                        JsonBody.StringsIfAny(w, "attribution_types", attribution);
                        if (spec.ConversionReportTime.HasValue) w.WriteString("conversion_report_time", ApiNames.ToApi(spec.ConversionReportTime.Value));
                        if (startHour.HasValue) w.WriteNumber("start_hour", startHour.Value);
                        if (endHour.HasValue) w.WriteNumber("end_hour", endHour.Value);
                        if (spec.PrimarySort.HasValue) w.WriteString("primary_sort", ApiNames.ToApi(spec.PrimarySort.Value));
                        if (spec.ReportingTimeZone.HasValue) w.WriteString("reporting_timezone", ApiNames.ToApi(spec.ReportingTimeZone.Value));
                        w.WriteString("report_format", ApiNames.ToApi(spec.Format));
                        if (filters.Count > 0)
                        {
                            w.WriteStartArray("metrics_filters");
                            foreach (var f in filters)
                            {
                                w.WriteStartObject();
                                w.WriteString("field", f.Field);
                                w.WriteString("operator", f.Operator);
                                w.WriteStartArray("values");
                                foreach (double v in f.Values) w.WriteNumberValue(v);
                                w.WriteEndArray();
                                w.WriteEndObject();
                            }
                            w.WriteEndArray();
                        }
                        if (customMetrics.Count > 0)
                        {
                            w.WriteStartArray("custom_conversion_event_metrics");
                            foreach (var m in customMetrics)
                            {
                                w.WriteStartObject();
                                w.WriteString("custom_event_metrics_type", m.Type);
                                if (m.EventName != null) w.WriteString("custom_event_name", m.EventName);
                                w.WriteEndObject();
                            }
                            w.WriteEndArray();
                        }
                    });
                    reports.Add(new ReportCall(body, from, to, ++part, partCount));
                }
            }
            // The catalogue's required lists, nested ones included, checked on what was written.
            foreach (var planned in reports) RequiredFields.Check(Body, planned.Body, RequiredFieldSources);
            return new ReportPlan(level, granularity, columns, targetingTypes, sort, reports);
        }

        /// <summary>How deep a level sits: ADVERTISER 0, CAMPAIGN 1, AD_GROUP 2, ads/keywords/product groups 3, product items 4.</summary>
        private static int LevelRank(string level)
        {
            string baseLevel = level.EndsWith("_TARGETING", StringComparison.Ordinal) ? level.Substring(0, level.Length - "_TARGETING".Length) : level;
            return baseLevel switch
            {
                "ADVERTISER" => 0,
                "CAMPAIGN" => 1,
                "AD_GROUP" => 2,
                "PRODUCT_ITEM" => 4,
                _ => 3,
            };
        }

        private static int IdRank(string field) => field switch
        {
            "campaign_ids" => 1,
            "ad_group_ids" => 2,
            "product_item_ids" => 4,
            _ => 3,
        };

        private static IReadOnlyList<string> EnumList(string parameterName, string field, IReadOnlyList<string>? values)
        {
            if (values == null || values.Count == 0) return Array.Empty<string>();
            var facts = Field(field);
            var normalized = CatalogValues.Require(parameterName, facts.AllowedValues ?? Array.Empty<string>(), values);
            if (facts.MaxItems.HasValue && normalized.Count > facts.MaxItems.Value)
                throw new PinterestValidationException(ErrorIds.TooManyValues, parameterName,
                    $"-{parameterName} has {normalized.Count} values; one report allows at most {facts.MaxItems} ({field}). Give fewer values.");
            return normalized;
        }

        private static void CheckRange(string parameterName, string field, int? value)
        {
            if (!value.HasValue) return;
            var facts = Field(field);
            if ((facts.Minimum.HasValue && value < facts.Minimum) || (facts.Maximum.HasValue && value > facts.Maximum))
                throw new PinterestValidationException(ErrorIds.ValueOutOfRange, parameterName,
                    $"-{parameterName} {value} is outside {facts.Minimum}..{facts.Maximum} ({field}).");
        }

        private static ReportMetricsFilter NormalizeFilter(ReportMetricsFilter filter)
        {
            var item = Field("metrics_filters").Items!.Properties!;
            string field = CatalogValues.Require("MetricsFilter", item["field"].AllowedValues!, new[] { filter.Field })[0];
            string op = CatalogValues.Require("MetricsFilter", item["operator"].AllowedValues!, new[] { filter.Operator })[0];
            if (filter.Values.Count == 0)
                throw new PinterestValidationException(ErrorIds.MetricsFilterNoValue, "MetricsFilter", $"-MetricsFilter '{filter}' has no value to compare with, e.g. 'SPEND_IN_DOLLAR > 10'.");
            return new ReportMetricsFilter(field, op, filter.Values);
        }

        private static CustomConversionEventMetric NormalizeCustomMetric(CustomConversionEventMetric metric)
        {
            var item = Field("custom_conversion_event_metrics").Items!.Properties!;
            string type = CatalogValues.Require("CustomConversionEventMetric", item["custom_event_metrics_type"].AllowedValues!, new[] { metric.Type })[0];
            return new CustomConversionEventMetric(type, metric.EventName);
        }

    }
}
