using System;
using System.Collections.Generic;
using System.Globalization;
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

        public static byte[] BuildBody(BulkDownloadSpec spec, DateTimeOffset now)
        {
            var body = ApiCatalog.Current.Body(BodySchema);
            var typesFacts = body.Properties["entity_types"];
            var types = spec.EntityTypes == null || spec.EntityTypes.Count == 0
                ? Array.Empty<string>()
                : CatalogValues.Require("EntityType", typesFacts.AllowedValues!, spec.EntityTypes);
            if (typesFacts.MaxItems.HasValue && types.Count > typesFacts.MaxItems)
                throw new PinterestValidationException(ErrorIds.TooManyValues, "EntityType",
                    $"-EntityType has {types.Count} values; a bulk download allows at most {typesFacts.MaxItems}. Make two downloads.");
            var ids = Ids.RequireAll("EntityId", spec.EntityIds);
            var filterFacts = body.Properties["campaign_filter"].Properties!;
            var statuses = spec.CampaignStatuses == null ? Array.Empty<string>()
                : CatalogValues.Require("CampaignStatus", filterFacts["campaign_status"].AllowedValues!, spec.CampaignStatuses);
            var objectives = spec.CampaignObjectiveTypes == null ? Array.Empty<string>()
                : CatalogValues.Require("CampaignObjectiveType", filterFacts["objective_type"].AllowedValues!, spec.CampaignObjectiveTypes);

            // Filters that can match nothing are refused before the request (issue 16, point 15).
            if (spec.UpdatedSince.HasValue && spec.UpdatedSince.Value > now)
                throw new PinterestValidationException(ErrorIds.UpdatedSinceInFuture, "UpdatedSince",
                    $"-UpdatedSince {spec.UpdatedSince.Value:u} lies in the future; no entity can have been updated since then. Give a time in the past.");
            if (spec.CampaignStartTime.HasValue && spec.CampaignEndTime.HasValue && spec.CampaignStartTime.Value > spec.CampaignEndTime.Value)
                throw new PinterestValidationException(ErrorIds.CampaignTimeRangeReversed, "CampaignStartTime",
                    $"-CampaignStartTime {spec.CampaignStartTime.Value:u} is after -CampaignEndTime {spec.CampaignEndTime.Value:u}; the filter can match no campaign. Swap them.");

            return JsonBody.Object(w =>
            {
                JsonBody.StringsIfAny(w, "entity_types", types);
                JsonBody.StringsIfAny(w, "entity_ids", ids);
                bool hasFilter = statuses.Count > 0 || objectives.Count > 0 || spec.CampaignName != null || spec.CampaignStartTime.HasValue || spec.CampaignEndTime.HasValue;
                if (hasFilter)
                {
                    w.WriteStartObject("campaign_filter");
                    JsonBody.StringsIfAny(w, "campaign_status", statuses);
                    JsonBody.StringsIfAny(w, "objective_type", objectives);
                    if (spec.CampaignName != null) w.WriteString("name", spec.CampaignName);
                    if (spec.CampaignStartTime.HasValue) w.WriteString("start_time", Unix(spec.CampaignStartTime.Value));
                    if (spec.CampaignEndTime.HasValue) w.WriteString("end_time", Unix(spec.CampaignEndTime.Value));
                    w.WriteEndObject();
                }
                if (spec.UpdatedSince.HasValue) w.WriteString("updated_since", Unix(spec.UpdatedSince.Value));
                w.WriteString("output_format", ApiNames.ToApi(spec.Format));
            });
        }

        public static async Task<ReportJob> CreateAsync(PinterestSession session, BulkDownloadSpec spec, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("bulk_download/create").Path("ad_account_id", spec.AdAccountId).Json(BuildBody(spec, session.Time.GetUtcNow()));
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            string id = AsyncReports.StringOf(document.RootElement, "request_id")
                ?? throw new PinterestApiException(ErrorIds.BulkRequestIdMissing, PinErrorKind.InvalidData,
                    "bulk_download/create answered without a request_id; nothing can be polled. Try again.", request.Operation.Id,
                    response.StatusCode, requestId: response.RequestId);
            var job = new ReportJob(session, spec.AdAccountId, id, ReportJobKind.Bulk, ReportStatuses.Running, spec.Format, session.Time.GetUtcNow())
            {
                EntityTypes = spec.EntityTypes?.ToArray() ?? Array.Empty<string>(),
            };
            log.Verbose($"Created {job.Describe()}.");
            return job;
        }

        /// <summary>
        /// The bulk request's status now. <paramref name="includeDetails"/> sends <c>include_details</c> (the API then
        /// attaches the request's errors and details; whatever it adds besides status and link lands in
        /// <see cref="ReportJob.Message"/>). A 404 is <c>BulkRequestNotFound</c>; an answer without a bulk status value
        /// is <c>BulkStatusMissing</c> or <c>BulkStatusUnknown</c> - never read as FAILED.
        /// </summary>
        public static async Task<ReportJob> RefreshAsync(ReportJob job, IPinLog log, CancellationToken ct, bool? includeDetails = null)
        {
            var request = new ApiRequest("bulk_request/get")
                .Path("ad_account_id", job.AdAccountId)
                .Path("bulk_request_id", job.Token)
                .QueryValue("include_details", includeDetails);
            ApiResponse response;
            try
            {
                response = await job.Session!.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            }
            catch (PinterestApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                throw new PinterestApiException(ErrorIds.BulkRequestNotFound, PinErrorKind.NotFound,
                    $"Pinterest knows no bulk request {job.Token} in ad account {job.AdAccountId} (GET {request.Operation.PathTemplate} answered 404: " +
                    $"{Redactor.Text(ex.ApiMessage ?? "no message")}). Check the id and the ad account, or create a new download with New-PinBulkDownload.",
                    request.Operation.Id, ex.StatusCode, ex.ApiCode, ex.ApiMessage, ex.RequestId);
            }
            using var document = response.Json();
            var root = document.RootElement;
            string status = ReadStatus(root, job, request, response);
            var url = AsyncReports.ParseUrl(AsyncReports.StringOf(root, "result_url"));
            if (status != job.Status) log.Verbose($"{job.Describe()}: {status}.");
            var refreshed = job.WithStatus(status, BulkStatuses.Succeeded == status ? url : null, null, job.Clock.GetUtcNow());
            if (includeDetails == true && Details(root) is string details) refreshed.Message = details;
            return refreshed;
        }

        private static string ReadStatus(JsonElement root, ReportJob job, ApiRequest request, ApiResponse response)
        {
            bool present = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var value) && value.ValueKind != JsonValueKind.Null;
            string? status = AsyncReports.StringOf(root, "status");
            if (BulkStatuses.IsBulkStatus(status)) return status!;
            string seen = present ? $"status {Redactor.Text(root.GetProperty("status").GetRawText())}" : "no status";
            throw new PinterestApiException(present ? ErrorIds.BulkStatusUnknown : ErrorIds.BulkStatusMissing, PinErrorKind.InvalidData,
                $"{request.Operation.Id} answered {seen} for bulk request {job.Token}; a bulk request is {string.Join(", ", BulkStatuses.All)}. " +
                "Its state is unknown (not failed): ask again with Get-PinReport -Kind Bulk.",
                request.Operation.Id, response.StatusCode, requestId: response.RequestId);
        }

        // Whatever the answer holds besides its status and link (the errors/details include_details asks for).
        private static string? Details(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return null;
            var extra = root.EnumerateObject().Where(p => p.Name != "status" && p.Name != "result_url").ToList();
            if (extra.Count == 0) return null;
            return Redactor.Text("{" + string.Join(",", extra.Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Value.GetRawText())) + "}");
        }

        private static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }
}
