using System.Globalization;
using System.Text.Json;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Emulator.Reports;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>
/// Marketing Mix Modeling reports (<c>POST/GET /ad_accounts/{id}/mmm_reports</c>): the token life cycle
/// of async reports, answers wrapped in <c>{code, data, ...}</c> as the description's
/// CreateMMMReportResponse and GetMMMReportResponse say, and the beta limit of 5 creations per minute
/// per advertiser. Files are CSV targeting reports served by the same object store.
/// </summary>
internal static class MmmReportEndpoints
{
    /// <summary>"An additional limit of 5 queries per minute per advertiser applies to this endpoint while it's in beta release."</summary>
    public const int CreationsPerMinutePerAdvertiser = 5;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var creations = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);

        app.MapOperation(state, "analytics/create_mmm_report", async c =>
        {
            var account = c.Account();
            var body = await AsyncReportEndpoints.ReadJsonBodyAsync(c);
            BodyValidator.Validate(ApiCatalog.Instance.Body("CreateMMMReportRequest"), body);
            var query = QueryFromBody(account, body, c.State.Today);
            CountCreation(creations, account.Id, c.State.Time.GetUtcNow());
            var report = AsyncReportEndpoints.Create(c.State, account, query, csv: true, templateId: null, mmm: true);
            await c.JsonAsync(new Dictionary<string, object?>
            {
                ["code"] = 0,
                ["data"] = new Dictionary<string, object?>
                {
                    ["message"] = null,
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
            string status;
            object? url = null, size = null;
            if (report is null || report.AdAccountId != account.Id || !report.Mmm)
                status = "DOES_NOT_EXIST";
            else if ((status = AsyncReportEndpoints.StatusOf(c.State, report)) == "FINISHED")
            {
                var now = c.State.Time.GetUtcNow();
                url = c.State.Links.Sign(c.State.StoreBaseUri, report.FileName, now.AddSeconds(c.State.Options.LinkLifetimeSeconds));
                size = (double)report.File!.Result.Length;
            }
            await c.JsonAsync(new Dictionary<string, object?>
            {
                ["code"] = 0,
                ["data"] = new Dictionary<string, object?> { ["report_status"] = status, ["size"] = size, ["url"] = url },
                ["message"] = "ok",
                ["status"] = "success",
            });
        });
    }

    private static void CountCreation(Dictionary<string, Queue<DateTimeOffset>> creations, string accountId, DateTimeOffset now)
    {
        lock (creations)
        {
            if (!creations.TryGetValue(accountId, out var recent)) creations[accountId] = recent = new Queue<DateTimeOffset>();
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromMinutes(1)) recent.Dequeue();
            if (recent.Count >= CreationsPerMinutePerAdvertiser)
            {
                var retry = (int)Math.Ceiling((recent.Peek().AddMinutes(1) - now).TotalSeconds);
                throw new ApiException(429, ApiException.RateLimited,
                    $"MMM report creation is limited to {CreationsPerMinutePerAdvertiser} per minute per advertiser while in beta. Retry after {Math.Max(1, retry)} seconds");
            }
            recent.Enqueue(now);
        }
    }

    /// <summary>Turns a validated CreateMMMReportRequest into a targeting query.</summary>
    public static ReportQuery QueryFromBody(World.AdAccount account, JsonElement body, DateOnly today)
    {
        string Str(string name) => body.GetProperty(name).GetString()!;
        IReadOnlyList<string>? List(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
        DateOnly Date(string name) => DateOnly.ParseExact(Str(name), "yyyy-MM-dd", CultureInfo.InvariantCulture);

        if (Str("report_name").Trim().Length == 0)
            throw ApiException.BadRequest("Field 'report_name' must not be empty.");
        var start = Date("start_date");
        var end = Date("end_date");
        if (end < start)
            throw ApiException.BadRequest($"Field 'end_date' ({end:yyyy-MM-dd}) is before 'start_date' ({start:yyyy-MM-dd}).");
        if (end > today)
            throw ApiException.BadRequest($"Field 'end_date' ({end:yyyy-MM-dd}) is in the future; the latest day with data is {today:yyyy-MM-dd}.");
        var columns = List("columns")!;
        if (columns.Count == 0)
            throw ApiException.BadRequest("Field 'columns' needs at least one column.");

        return new ReportQuery
        {
            Account = account,
            Level = Str("level") == "AD_GROUP_TARGETING" ? ReportLevel.AdGroup : ReportLevel.Campaign,
            TargetingTypes = List("targeting_types")!.Distinct().ToArray(),
            Countries = List("countries"),
            Start = start,
            End = end,
            Granularity = Str("granularity"),
            Columns = columns.Distinct().ToArray(),
        };
    }
}
