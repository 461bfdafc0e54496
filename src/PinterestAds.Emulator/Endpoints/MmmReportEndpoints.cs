using System.Text.Json;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Metrics;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>
/// Marketing Mix Modeling reports (<c>analytics/create_mmm_report</c>, <c>analytics/get_mmm_report</c>): the
/// token life cycle of async reports, answers wrapped as the description shapes them
/// (<c>{"code": 0, "data": {...}, "status": "success"}</c>), and the description's extra limit of 5 create
/// queries per minute per advertiser (429 code 8 beyond it). <c>countries</c> is validated but does not
/// filter the rows.
/// </summary>
internal static class MmmReportEndpoints
{
    /// <summary>"An additional limit of 5 queries per minute per advertiser applies to this endpoint."</summary>
    public const int CreatesPerMinutePerAdvertiser = 5;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var creates = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);

        app.MapOperation(state, "analytics/create_mmm_report", async c =>
        {
            var account = c.Account();
            var body = await AsyncReportEndpoints.ReadJsonBodyAsync(c);
            BodyValidator.Validate(ApiCatalog.Instance.Body("CreateMMMReportRequest"), body);
            var now = c.State.Time.GetUtcNow();
            lock (creates)
            {
                if (!creates.TryGetValue(account.Id, out var recent)) creates[account.Id] = recent = new Queue<DateTimeOffset>();
                while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromMinutes(1)) recent.Dequeue();
                if (recent.Count >= CreatesPerMinutePerAdvertiser)
                {
                    c.Http.Response.Headers["Retry-After"] = "60";
                    throw new ApiException(429, ApiException.RateLimited,
                        $"MMM reports are limited to {CreatesPerMinutePerAdvertiser} queries per minute per advertiser (beta). Retry after 60 seconds.");
                }
                recent.Enqueue(now);
            }

            string Str(string name) => body.GetProperty(name).GetString()!;
            IReadOnlyList<string> List(string name) => body.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
            var start = Date(Str("start_date"), "start_date");
            var end = Date(Str("end_date"), "end_date");
            var granularity = Str("granularity");
            ReportingLimits.CheckDates(start, end, c.State.Today, ReportingLimits.Async, "MMM report");
            var (level, _) = ReportQuery.FromAsyncLevel(Str("level"))!.Value;
            var query = new ReportQuery
            {
                Account = account,
                Level = level,
                TargetingTypes = List("targeting_types").Distinct().ToArray(),
                Start = start,
                End = end,
                Granularity = granularity,
                Columns = List("columns").Distinct().ToArray(),
            };
            var report = AsyncReportEndpoints.Create(c.State, account, query, csv: false, templateId: null);
            await c.JsonAsync(new Dictionary<string, object?>
            {
                ["code"] = 0,
                ["data"] = new Dictionary<string, object?>
                {
                    ["message"] = $"MMM report '{Str("report_name")}' is being prepared.",
                    ["report_status"] = "IN_PROGRESS",
                    ["status"] = "success",
                    ["token"] = report.Token,
                },
            });
        });

        app.MapOperation(state, "analytics/get_mmm_report", async c =>
        {
            var account = c.Account();
            var token = c.Parameters.RequiredString("token");
            var report = c.State.Reports.Find(token);
            var data = new Dictionary<string, object?> { ["report_status"] = "DOES_NOT_EXIST", ["url"] = null, ["size"] = null };
            if (report is not null && report.AdAccountId == account.Id)
            {
                var status = AsyncReportEndpoints.StatusOf(c.State, report);
                data["report_status"] = status;
                if (status == "FINISHED")
                {
                    var expires = c.State.Time.GetUtcNow().AddSeconds(c.State.Options.LinkLifetimeSeconds);
                    data["url"] = c.State.Links.Sign(c.State.StoreBaseUri, report.FileName, expires);
                    data["size"] = (double)report.Size!.Result;
                }
            }
            await c.JsonAsync(new Dictionary<string, object?> { ["code"] = 0, ["data"] = data, ["message"] = "ok", ["status"] = "success" });
        });
    }

    private static DateOnly Date(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : throw ApiException.BadRequest($"Field '{field}' must be a date YYYY-MM-DD; got '{text}'.");
}
