using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Bulk
{
    /// <summary>
    /// Bulk entity downloads: <c>POST /bulk/download</c> creates a request (a <see cref="ReportJob"/> of kind
    /// Bulk), <c>GET /bulk/{id}</c> gives RUNNING, SUCCEEDED (with <c>result_url</c>) or FAILED.
    /// </summary>
    internal static class BulkDownloads
    {
        private const string BodySchema = "BulkDownloadRequest";

        public static byte[] BuildBody(BulkDownloadSpec spec)
        {
            var body = ApiCatalog.Current.Body(BodySchema);
            var typesFacts = body.Properties["entity_types"];
            var types = spec.EntityTypes == null || spec.EntityTypes.Count == 0
                ? Array.Empty<string>()
                : CatalogValues.Require("EntityType", typesFacts.AllowedValues!, spec.EntityTypes);
            if (typesFacts.MaxItems.HasValue && types.Count > typesFacts.MaxItems)
                throw new PinterestValidationException("TooManyValues", "EntityType",
                    $"-EntityType has {types.Count} values; a bulk download allows at most {typesFacts.MaxItems}. Make two downloads.");
            var ids = Ids.RequireAll("EntityId", spec.EntityIds);
            var filterFacts = body.Properties["campaign_filter"].Properties!;
            var statuses = spec.CampaignStatuses == null ? Array.Empty<string>()
                : CatalogValues.Require("CampaignStatus", filterFacts["campaign_status"].AllowedValues!, spec.CampaignStatuses);
            var objectives = spec.CampaignObjectiveTypes == null ? Array.Empty<string>()
                : CatalogValues.Require("CampaignObjectiveType", filterFacts["objective_type"].AllowedValues!, spec.CampaignObjectiveTypes);

            // Filters that can match nothing are refused before the request (issue 16, point 15).
            if (spec.UpdatedSince.HasValue && spec.UpdatedSince.Value > DateTimeOffset.UtcNow)
                throw new PinterestValidationException("UpdatedSinceInFuture", "UpdatedSince",
                    $"-UpdatedSince {spec.UpdatedSince.Value:u} lies in the future; no entity can have been updated since then. Give a time in the past.");
            if (spec.CampaignStartTime.HasValue && spec.CampaignEndTime.HasValue && spec.CampaignStartTime.Value > spec.CampaignEndTime.Value)
                throw new PinterestValidationException("CampaignTimeRangeReversed", "CampaignStartTime",
                    $"-CampaignStartTime {spec.CampaignStartTime.Value:u} is after -CampaignEndTime {spec.CampaignEndTime.Value:u}; the filter can match no campaign. Swap them.");

            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                Strings(w, "entity_types", types);
                Strings(w, "entity_ids", ids);
                bool hasFilter = statuses.Count > 0 || objectives.Count > 0 || spec.CampaignName != null || spec.CampaignStartTime.HasValue || spec.CampaignEndTime.HasValue;
                if (hasFilter)
                {
                    w.WriteStartObject("campaign_filter");
                    Strings(w, "campaign_status", statuses);
                    Strings(w, "objective_type", objectives);
                    if (spec.CampaignName != null) w.WriteString("name", spec.CampaignName);
                    if (spec.CampaignStartTime.HasValue) w.WriteString("start_time", Unix(spec.CampaignStartTime.Value));
                    if (spec.CampaignEndTime.HasValue) w.WriteString("end_time", Unix(spec.CampaignEndTime.Value));
                    w.WriteEndObject();
                }
                if (spec.UpdatedSince.HasValue) w.WriteString("updated_since", Unix(spec.UpdatedSince.Value));
                w.WriteString("output_format", ApiNames.ToApi(spec.Format));
                w.WriteEndObject();
            }
            return buffer.ToArray();
        }

        public static async Task<ReportJob> CreateAsync(PinterestSession session, BulkDownloadSpec spec, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("bulk_download/create").Path("ad_account_id", spec.AdAccountId).Json(BuildBody(spec));
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            string id = AsyncReports.StringOf(document.RootElement, "request_id")
                ?? throw new PinterestApiException("BulkRequestIdMissing", PinErrorKind.InvalidData,
                    "bulk_download/create answered without a request_id; nothing can be polled. Try again.", request.Operation.Id,
                    response.StatusCode, requestId: response.RequestId);
            var job = new ReportJob(session, spec.AdAccountId, id, ReportJobKind.Bulk, ReportStatuses.Running, spec.Format, DateTimeOffset.UtcNow)
            {
                EntityTypes = spec.EntityTypes?.ToArray() ?? Array.Empty<string>(),
            };
            log.Verbose($"Created {job.Describe()}.");
            return job;
        }

        public static async Task<ReportJob> RefreshAsync(ReportJob job, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("bulk_request/get").Path("ad_account_id", job.AdAccountId).Path("bulk_request_id", job.Token);
            ApiResponse response;
            try
            {
                response = await job.Session!.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            }
            catch (PinterestApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return job.WithStatus(ReportStatuses.DoesNotExist, null, null, DateTimeOffset.UtcNow);
            }
            using var document = response.Json();
            var root = document.RootElement;
            string status = AsyncReports.StringOf(root, "status") ?? ReportStatuses.Failed;
            var url = AsyncReports.ParseUrl(AsyncReports.StringOf(root, "result_url"));
            if (status != job.Status) log.Verbose($"{job.Describe()}: {status}.");
            return job.WithStatus(status, ReportStatuses.IsSuccess(status) ? url : null, null, DateTimeOffset.UtcNow);
        }

        private static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            writer.WriteStartArray(name);
            foreach (string value in values) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
    }
}
