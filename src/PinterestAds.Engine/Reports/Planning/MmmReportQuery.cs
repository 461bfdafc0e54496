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
    /// One Marketing Mix Modeling report request (<c>CreateMMMReportRequest</c>), validated against the
    /// description before anything is sent: the levels, granularities, columns, targeting types (1 to 5)
    /// and countries the schema lists. The description states no date limits for MMM reports, so none are
    /// invented beyond "end not before start".
    /// </summary>
    internal sealed class MmmReportQuery
    {
        private const string BodySchema = "CreateMMMReportRequest";

        public MmmReportQuery(string adAccountId, string reportName, DateTime startDate, DateTime endDate, MmmLevel level,
            MmmGranularity granularity, IEnumerable<string> targetingTypes, IEnumerable<string> columns, IEnumerable<string>? countries)
        {
            var body = ApiCatalog.Current.Body(BodySchema);
            if (string.IsNullOrWhiteSpace(reportName))
                throw new PinterestValidationException(ErrorIds.ReportNameRequired, "Name", "-Name must name the report (report_name); it cannot be empty.");
            DateOrder.Require(startDate.Date, endDate.Date);

            AdAccountId = adAccountId;
            ReportName = reportName.Trim();
            StartDate = startDate.Date;
            EndDate = endDate.Date;
            Level = level;
            Granularity = granularity;
            Columns = CatalogValues.Require("Column", body.Properties["columns"].AllowedValues!, columns);
            if (Columns.Count == 0)
                throw new PinterestValidationException(ErrorIds.ColumnRequired, "Column", "-Column needs at least one MMM column. Press Tab after -Column to see them.");
            var targeting = body.Properties["targeting_types"];
            TargetingTypes = CatalogValues.Require("TargetingType", targeting.AllowedValues!, targetingTypes);
            int min = targeting.MinItems ?? 1, max = targeting.MaxItems ?? int.MaxValue;
            if (TargetingTypes.Count < min || TargetingTypes.Count > max)
                throw new PinterestValidationException(ErrorIds.TooManyValues, "TargetingType",
                    $"-TargetingType takes {min} to {max} distinct types for an MMM report; got {TargetingTypes.Count}. Split the report into several.");
            Countries = countries == null ? null : CatalogValues.Require("Country", body.Properties["countries"].AllowedValues!, countries);
        }

        public string AdAccountId { get; }
        public string ReportName { get; }
        public DateTime StartDate { get; }
        public DateTime EndDate { get; }
        public MmmLevel Level { get; }
        public MmmGranularity Granularity { get; }
        public IReadOnlyList<string> Columns { get; }
        public IReadOnlyList<string> TargetingTypes { get; }
        public IReadOnlyList<string>? Countries { get; }

        /// <summary>The values the description allows in a field of the body (for completion).</summary>
        public static IReadOnlyList<string> AllowedValues(string field) =>
            ApiCatalog.Current.Body(BodySchema).Properties.TryGetValue(field, out var facts) ? facts.AllowedValues ?? Array.Empty<string>() : Array.Empty<string>();

        /// <summary>The API's name of the level: CAMPAIGN_TARGETING or AD_GROUP_TARGETING.</summary>
        public string ApiLevel => Level == MmmLevel.AdGroupTargeting ? "AD_GROUP_TARGETING" : "CAMPAIGN_TARGETING";

        public string ApiGranularity => Granularity == MmmGranularity.Week ? "WEEK" : "DAY";

        /// <summary>The JSON body of <c>POST /ad_accounts/{id}/mmm_reports</c>.</summary>
        public byte[] ToJson() => JsonBody.Object(writer =>
        {
            writer.WriteString("report_name", ReportName);
            writer.WriteString("start_date", ApiDates.Format(StartDate));
            writer.WriteString("end_date", ApiDates.Format(EndDate));
            writer.WriteString("granularity", ApiGranularity);
            writer.WriteString("level", ApiLevel);
            JsonBody.Strings(writer, "targeting_types", TargetingTypes);
            JsonBody.Strings(writer, "columns", Columns);
            if (Countries != null) JsonBody.Strings(writer, "countries", Countries);
        });
    }
}
