using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Marketing Mix Modeling reports: <c>POST /mmm_reports</c> creates one, <c>GET /mmm_reports?token=</c>
    /// states its status and, once FINISHED, a fresh download link. Both answers wrap their fields in a
    /// <c>data</c> object. The job is an ordinary <see cref="ReportJob"/> (kind Mmm), so Wait-PinReport and
    /// Receive-PinReport handle it like any other report: a CSV targeting report of the requested columns.
    /// </summary>
    internal static class MmmReports
    {
        public static async Task<ReportJob> CreateAsync(PinterestSession session, MmmReportQuery spec, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("analytics/create_mmm_report").Path("ad_account_id", spec.AdAccountId).Json(spec.ToJson());
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var data = DataOf(document.RootElement);
            string token = AsyncReports.StringOf(data, "token") is string t && t.Length > 0
                ? t
                : throw new PinterestApiException(ErrorIds.ReportTokenMissing, PinErrorKind.InvalidData,
                    $"{request.Operation.Id} answered without a report token; nothing can be polled. Try again.", request.Operation.Id,
                    response.StatusCode, requestId: response.RequestId);
            var job = new ReportJob(session, spec.AdAccountId, token, ReportJobKind.Mmm,
                AsyncReports.StringOf(data, "report_status") ?? ReportStatuses.InProgress, ReportFormat.Csv, session.Time.GetUtcNow())
            {
                Level = spec.ApiLevel,
                Granularity = spec.ApiGranularity,
                Columns = spec.Columns,
                TargetingTypes = spec.TargetingTypes,
                StartDate = spec.StartDate,
                EndDate = spec.EndDate,
                Message = AsyncReports.StringOf(data, "message"),
            };
            log.Verbose($"Created MMM {job.Describe()} '{spec.ReportName}' for {spec.ApiLevel} {ApiDates.Format(spec.StartDate)}..{ApiDates.Format(spec.EndDate)}.");
            return job;
        }

        public static async Task<ReportJob> RefreshAsync(ReportJob job, PinterestSession session, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest("analytics/get_mmm_report").Path("ad_account_id", job.AdAccountId).QueryValue("token", job.Token);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var data = DataOf(document.RootElement);
            string status = AsyncReports.StringOf(data, "report_status") ?? ReportStatuses.DoesNotExist;
            long? size = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number
                ? (long)s.GetDouble() : (long?)null;
            var refreshed = job.WithStatus(status, AsyncReports.ParseUrl(AsyncReports.StringOf(data, "url")), size, session.Time.GetUtcNow());
            if (status != job.Status) log.Verbose($"MMM {job.Describe()}: {status}.");
            return refreshed;
        }

        /// <summary>The <c>data</c> object of an MMM answer (an empty element when it is missing).</summary>
        private static JsonElement DataOf(JsonElement root) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) ? data : default;
    }
}
