using System.Globalization;
using System.Text.Json;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Emulator.Reports;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>Async reports (create, status) and template reports.</summary>
internal static class AsyncReportEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapOperation(state, "analytics/create_report", async c =>
        {
            var account = c.Account();
            foreach (var key in c.Http.Request.Query.Keys)
                throw ApiException.BadRequest($"POST /reports takes a JSON body only; query parameter '{key}' is not accepted. Put it in the body.");
            var body = await ReadJsonBodyAsync(c);
            BodyValidator.Validate(ApiCatalog.Instance.Body("AdsAnalyticsCreateAsyncRequest"), body);
            var (query, csv) = QueryFromBody(account, body, c.State.Today);
            var report = Create(c.State, account, query, csv, null);
            await c.JsonAsync(new Dictionary<string, object?>
            {
                ["report_status"] = "IN_PROGRESS",
                ["token"] = report.Token,
                ["message"] = "The report is being prepared; poll GET /ad_accounts/{ad_account_id}/reports?token=... for its status.",
            });
        });

        app.MapOperation(state, "analytics/get_report", async c =>
        {
            var account = c.Account();
            var token = c.Parameters.RequiredString("token");
            var report = c.State.Reports.Find(token);
            if (report is null || report.AdAccountId != account.Id || report.Mmm)
            {
                await c.JsonAsync(new Dictionary<string, object?> { ["report_status"] = "DOES_NOT_EXIST", ["url"] = null, ["size"] = null });
                return;
            }
            var status = StatusOf(c.State, report);
            if (status != "FINISHED")
            {
                await c.JsonAsync(new Dictionary<string, object?> { ["report_status"] = status, ["url"] = null, ["size"] = null });
                return;
            }
            var now = c.State.Time.GetUtcNow();
            var url = c.State.Links.Sign(c.State.StoreBaseUri, report.FileName, now.AddSeconds(c.State.Options.LinkLifetimeSeconds));
            await c.JsonAsync(new Dictionary<string, object?> { ["report_status"] = "FINISHED", ["url"] = url, ["size"] = (double)report.File!.Result.Length });
        });

        app.MapOperation(state, "analytics/create_template_report", async c =>
        {
            var account = c.Account();
            var templateId = c.Parameters.RequiredString("template_id");
            var template = c.State.World.Template(templateId);
            if (template is null || template.Account != account)
                throw ApiException.NotFoundError($"Template {templateId} not found in ad account {account.Id}.");
            var today = c.State.Today;
            var start = c.Parameters.Date("start_date") ?? today.AddDays(-template.StartDaysInPast);
            var end = c.Parameters.Date("end_date") ?? today.AddDays(-template.EndDaysInPast);
            var granularity = c.Parameters.String("granularity") ?? template.Granularity;
            var (level, targeting) = ReportQuery.FromAsyncLevel(template.ReportLevel)!.Value;
            ReportingLimits.CheckTemplateDates(start, end, today);
            var query = new ReportQuery
            {
                Account = account,
                Level = level,
                TargetingTypes = targeting ? new[] { "APPTYPE" } : Array.Empty<string>(),
                Start = start,
                End = end,
                Granularity = granularity,
                Columns = template.Columns,
                ClickWindowDays = template.ClickWindowDays,
                EngagementWindowDays = template.EngagementWindowDays,
                ViewWindowDays = template.ViewWindowDays,
            };
            var report = Create(c.State, account, query, template.ReportFormat == "CSV", template.Id);
            await c.JsonAsync(new Dictionary<string, object?>
            {
                ["template_id"] = template.Id,
                ["report_status"] = "IN_PROGRESS",
                ["token"] = report.Token,
                ["message"] = $"Report from template '{template.Name}' is being prepared.",
            });
        });
    }

    public static async Task<JsonElement> ReadJsonBodyAsync(OperationContext c)
    {
        var contentType = c.Http.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw ApiException.BadRequest($"The request body must be JSON (Content-Type: application/json); got '{contentType}'.");
        try
        {
            using var doc = await JsonDocument.ParseAsync(c.Http.Request.Body, cancellationToken: c.Http.RequestAborted);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"The request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Report status now: forced status, expiry, preparation time and the file's preparation decide it.</summary>
    public static string StatusOf(EmulatorState state, AsyncReport report)
    {
        if (report.ForcedStatus is { } forced) return forced;
        var age = state.Time.GetUtcNow() - report.CreatedAt;
        if (report.Discarded || age.TotalSeconds > state.Options.ReportLifetimeSeconds) return "EXPIRED";
        if (age.TotalMilliseconds < state.Options.ReportPreparationMs) return "IN_PROGRESS";
        if (report.File is null || !report.File.IsCompleted) return "IN_PROGRESS";
        return report.File.IsCompletedSuccessfully ? "FINISHED" : "FAILED";
    }

    public static AsyncReport Create(EmulatorState state, AdAccount account, ReportQuery query, bool csv, string? templateId, bool mmm = false)
    {
        var report = new AsyncReport
        {
            Token = state.NextId("rpt_"),
            AdAccountId = account.Id,
            Query = query,
            Csv = csv,
            CreatedAt = state.Time.GetUtcNow(),
            TemplateId = templateId,
            Mmm = mmm,
            Gzip = state.Options.GzipDownloads,
        };
        // "Preparing" the report = producing its file once, as the object store will serve it: FINISHED states its
        // length, and every download sends these bytes (the client never waits on the rows being generated again).
        var format = csv ? RowFormat.Csv : RowFormat.AsyncJson;
        report.File = Task.Run(() => PreparedReportFile.PrepareAsync(state.Reports.Folder, csv ? ".csv" : ".json",
            (output, ct) => ReportRowWriter.WriteFileAsync(output, state.Rows.Rows(query), query, format, report.Gzip, ct), CancellationToken.None));
        // Files of reports past their lifetime go now (they answer EXPIRED from then on).
        state.Reports.DiscardExpired(report.CreatedAt, state.Options.ReportLifetimeSeconds);
        state.Reports.Add(report);
        return report;
    }

    /// <summary>Turns a validated AdsAnalyticsCreateAsyncRequest into a query, enforcing the description's prose rules.</summary>
    public static (ReportQuery Query, bool Csv) QueryFromBody(AdAccount account, JsonElement body, DateOnly today)
    {
        string? Str(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        IReadOnlyList<string>? List(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
        DateOnly Date(string name)
        {
            var s = Str(name)!;
            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw ApiException.BadRequest($"Field '{name}' must be a date YYYY-MM-DD; got '{s}'.");
            return d;
        }

        var levelName = Str("level")!;
        var granularity = Str("granularity")!;
        var start = Date("start_date");
        var end = Date("end_date");
        var isProductItem = levelName is "PRODUCT_ITEM" or "PRODUCT_ITEM_TARGETING";
        ReportingLimits.CheckDates(start, end, today, ReportingLimits.For(true, granularity, levelName),
            isProductItem ? "async report, level PRODUCT_ITEM" : granularity == "HOUR" ? "async report, HOUR granularity" : "async report");
        if (isProductItem)
        {
            // The description: ad_ids and ad_statuses "not supported for Product Item Level Reports"; "Pin promotion
            // and ad related columns are not supported" (AD_ACCOUNT_ID and the AD_GROUP_* columns are neither).
            if (List("ad_ids") is not null || List("ad_statuses") is not null)
                throw ApiException.BadRequest($"Fields 'ad_ids' and 'ad_statuses' are not allowed with level {levelName}.");
            if (List("columns")!.FirstOrDefault(ProductItemRules.IsAdColumn) is { } adColumn)
                throw ApiException.BadRequest($"Column {adColumn} (an ad or pin promotion column) is not allowed with level {levelName}.");
        }
        if (List("targeting_types") is { } requestedTypes) ReportingLimits.CheckTargetingTypesForLevel(requestedTypes, levelName);
        var mapped = ReportQuery.FromAsyncLevel(levelName)
            ?? throw ApiException.BadRequest($"Field 'level' value {levelName} is not a reporting level.");

        var targetingTypes = List("targeting_types");
        if (mapped.Targeting && (targetingTypes is null || targetingTypes.Count == 0))
            throw ApiException.BadRequest($"Field 'targeting_types' is required with level {levelName}.");
        if (!mapped.Targeting && targetingTypes is not null)
            throw ApiException.BadRequest($"Field 'targeting_types' is only valid with a *_TARGETING level; level is {levelName}.");
        if ((Int("start_hour") is not null || Int("end_hour") is not null) && granularity != "HOUR")
            throw ApiException.BadRequest("Fields 'start_hour' and 'end_hour' are only valid with granularity HOUR.");

        var filters = new List<MetricsFilter>();
        if (body.TryGetProperty("metrics_filters", out var mf) && mf.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in mf.EnumerateArray())
            {
                var field = f.TryGetProperty("field", out var fe) ? fe.GetString() : null;
                var op = f.TryGetProperty("operator", out var oe) ? oe.GetString() : null;
                if (field is null || op is null || !f.TryGetProperty("values", out var ve) || ve.GetArrayLength() == 0)
                    throw ApiException.BadRequest("Each item of 'metrics_filters' needs 'field', 'operator' and 'values'.");
                filters.Add(new MetricsFilter(field, op == "GREATER_THAN", ve.EnumerateArray().Select(v => v.GetDouble()).ToArray()));
            }
        }

        var query = new ReportQuery
        {
            Account = account,
            Level = mapped.Level,
            TargetingTypes = targetingTypes?.Distinct().ToArray() ?? Array.Empty<string>(),
            CampaignIds = List("campaign_ids"),
            AdGroupIds = List("ad_group_ids"),
            AdIds = List("ad_ids"),
            ProductGroupIds = List("product_group_ids"),
            ProductItemIds = List("product_item_ids"),
            CampaignStatuses = List("campaign_statuses"),
            AdGroupStatuses = List("ad_group_statuses"),
            AdStatuses = List("ad_statuses"),
            ProductGroupStatuses = List("product_group_statuses"),
            CampaignObjectiveTypes = List("campaign_objective_types"),
            Start = start,
            End = end,
            StartHour = Int("start_hour"),
            EndHour = Int("end_hour"),
            Granularity = granularity,
            Columns = List("columns")!.Distinct().ToArray(),
            ClickWindowDays = Int("click_window_days") ?? 30,
            EngagementWindowDays = Int("engagement_window_days") ?? 30,
            ViewWindowDays = Int("view_window_days") ?? 1,
            ConversionReportTime = Str("conversion_report_time") ?? "TIME_OF_AD_ACTION",
            SortByDate = Str("primary_sort") == "BY_DATE",
            MetricsFilters = filters,
            AttributionTypes = List("attribution_types") ?? Array.Empty<string>(),
            CombineTargetingTypes = body.TryGetProperty("combine_targeting_types", out var combine) && combine.ValueKind == JsonValueKind.True,
        };
        return (query, Str("report_format") == "CSV");
    }
}
