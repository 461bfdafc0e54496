using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Creates async reports (custom and from templates) and reads a job's current status
    /// (<c>GET /reports?token=</c>, or <c>GET /bulk/{id}</c> for bulk downloads), which also yields a
    /// fresh download link for a finished job.
    /// </summary>
    internal static class AsyncReports
    {
        /// <summary>Sends one planned report; the job remembers what the plan says about its rows.</summary>
        public static async Task<ReportJob> CreateAsync(PinterestSession session, AsyncReportQuery spec, ReportPlan plan, ReportCall planned,
            IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("analytics/create_report").Path("ad_account_id", spec.AdAccountId).Json(planned.Body);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var root = document.RootElement;
            string token = RequireToken(root, request, response);
            var job = new ReportJob(session, spec.AdAccountId, token, ReportJobKind.Analytics,
                StringOf(root, "report_status") ?? ReportStatuses.InProgress, spec.Format, session.Time.GetUtcNow())
            {
                Level = plan.Level,
                Granularity = plan.Granularity,
                Columns = plan.Columns,
                TargetingTypes = plan.TargetingTypes,
                PrimarySort = plan.Sort,
                StartDate = planned.StartDate,
                EndDate = planned.EndDate,
                Part = planned.Part,
                PartCount = planned.PartCount,
                Message = StringOf(root, "message"),
            };
            log.Verbose($"Created {job.Describe()} for {plan.Level} {ApiDates.Format(planned.StartDate)}..{ApiDates.Format(planned.EndDate)}.");
            return job;
        }

        /// <summary>Runs a template; dates and granularity default to the template's own.</summary>
        public static async Task<ReportJob> CreateFromTemplateAsync(PinterestSession session, string adAccountId, string templateId, PinTemplate? template,
            DateTime? start, DateTime? end, Granularity? granularity, int part, int partCount, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("analytics/create_template_report")
                .Path("ad_account_id", adAccountId)
                .Path("template_id", templateId)
                .QueryValue("start_date", start)
                .QueryValue("end_date", end)
                .QueryValue("granularity", granularity);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var root = document.RootElement;
            string token = RequireToken(root, request, response);
            var format = string.Equals(template?.ReportFormat, "CSV", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Csv : ReportFormat.Json;
            DateTime today = ApiDates.Today(session.Time);
            var job = new ReportJob(session, adAccountId, token, ReportJobKind.Template,
                StringOf(root, "report_status") ?? ReportStatuses.InProgress, format, session.Time.GetUtcNow())
            {
                TemplateId = templateId,
                Level = template?.Level,
                Granularity = granularity.HasValue ? ApiNames.ToApi(granularity.Value) : template?.Granularity,
                Columns = template?.Columns ?? Array.Empty<string>(),
                TargetingTypes = Array.Empty<string>(),
                StartDate = start ?? (template?.StartDaysInPast is int s ? today.AddDays(-s) : (DateTime?)null),
                EndDate = end ?? (template?.EndDaysInPast is int e ? today.AddDays(-e) : (DateTime?)null),
                Part = part,
                PartCount = partCount,
                Message = StringOf(root, "message"),
            };
            log.Verbose($"Created {job.Describe()} from template {templateId}.");
            return job;
        }

        /// <summary>The job's status now (a FINISHED job comes back with a fresh link and its size).</summary>
        public static async Task<ReportJob> RefreshAsync(ReportJob job, IPinLog log, CancellationToken ct)
        {
            var session = job.Session ?? throw new InvalidOperationException("The report job has no session.");
            if (job.Kind == ReportJobKind.Bulk) return await Bulk.BulkDownloads.RefreshAsync(job, log, ct).ConfigureAwait(false);
            if (job.Kind == ReportJobKind.Mmm) return await MmmReports.RefreshAsync(job, session, log, ct).ConfigureAwait(false);

            var request = new ApiRequest("analytics/get_report").Path("ad_account_id", job.AdAccountId).QueryValue("token", job.Token);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var root = document.RootElement;
            string status = StringOf(root, "report_status") ?? ReportStatuses.DoesNotExist;
            string? url = StringOf(root, "url");
            long? size = root.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? (long)s.GetDouble() : (long?)null;
            var refreshed = job.WithStatus(status, ParseUrl(url), size, job.Clock.GetUtcNow());
            if (status != job.Status) log.Verbose($"{job.Describe()}: {status}.");
            return refreshed;
        }

        internal static Uri? ParseUrl(string? url) =>
            !string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

        internal static string? StringOf(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static string RequireToken(JsonElement root, ApiRequest request, ApiResponse response) =>
            StringOf(root, "token") is string token && token.Length > 0
                ? token
                : throw new PinterestApiException(ErrorIds.ReportTokenMissing, PinErrorKind.InvalidData,
                    $"{request.Operation.Id} answered without a report token; nothing can be polled. Try again.", request.Operation.Id,
                    response.StatusCode, requestId: response.RequestId);
    }
}
