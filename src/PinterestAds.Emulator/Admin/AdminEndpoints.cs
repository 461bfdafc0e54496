using System.Globalization;
using System.Reflection;
using System.Text.Json;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Endpoints;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Emulator.Reports;
using PinterestAds.Emulator.Traffic;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Admin;

/// <summary>The test-control API under /_emulator (loopback only, no auth): journal, faults, options, tokens, report status, world, ground truth.</summary>
internal static class AdminEndpoints
{
    /// <summary>Options that may change while running (the rest shape the world or the listeners).</summary>
    private static readonly HashSet<string> RuntimeOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(EmulatorOptions.LatencyMs), nameof(EmulatorOptions.AnalyticsRequestsPerMinute), nameof(EmulatorOptions.ReadRequestsPerMinute),
        nameof(EmulatorOptions.OtherRequestsPerMinute), nameof(EmulatorOptions.RequestsPerSecond), nameof(EmulatorOptions.ReportPreparationMs),
        nameof(EmulatorOptions.ReportLifetimeSeconds), nameof(EmulatorOptions.LinkLifetimeSeconds), nameof(EmulatorOptions.BulkPreparationMs),
        nameof(EmulatorOptions.GzipDownloads), nameof(EmulatorOptions.AccessTokenLifetimeSeconds), nameof(EmulatorOptions.RefreshTokenLifetimeSeconds),
        nameof(EmulatorOptions.ClientSecret), nameof(EmulatorOptions.Sandbox),
    };

    public static void Map(WebApplication app, EmulatorState state)
    {
        var admin = app.MapGroup("/_emulator");

        admin.MapGet("/requests", () => Results.Json(state.Journal.Snapshot(), JsonOut.Options));
        admin.MapDelete("/requests", () => { state.Journal.Clear(); return Results.NoContent(); });

        admin.MapGet("/faults", () => Results.Json(state.Faults.Snapshot(), JsonOut.Options));
        admin.MapPost("/faults", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var rules = doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement.Deserialize<List<FaultRule>>()!
                : new List<FaultRule> { doc.RootElement.Deserialize<FaultRule>()! };
            try
            {
                foreach (var rule in rules) state.Faults.Add(rule);
            }
            catch (ArgumentException e)
            {
                return Results.Json(new { code = 1, message = e.Message }, statusCode: 400);
            }
            return Results.Json(state.Faults.Snapshot(), JsonOut.Options);
        });
        admin.MapDelete("/faults", () => { state.Faults.Clear(); return Results.NoContent(); });

        admin.MapGet("/options", () => Results.Json(state.Options, JsonOut.Options));
        admin.MapPatch("/options", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var name = p.Name.Replace("-", "");
                var property = typeof(EmulatorOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || !RuntimeOptions.Contains(property.Name))
                    return Results.Json(new { code = 1, message = $"Option '{p.Name}' cannot be changed at runtime; changeable: {string.Join(", ", RuntimeOptions)}." }, statusCode: 400);
                property.SetValue(state.Options, p.Value.Deserialize(property.PropertyType));
            }
            if (doc.RootElement.EnumerateObject().Any(p => p.Name.Contains("PerMinute", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("PerSecond", StringComparison.OrdinalIgnoreCase)))
                state.RateLimiter.Reset();
            return Results.Json(state.Options, JsonOut.Options);
        });

        admin.MapPost("/tokens/expire-access", () => Results.Json(new { expired = state.Tokens.ExpireAllAccess() }));
        admin.MapPost("/tokens/revoke-refresh", () => Results.Json(new { revoked = state.Tokens.RevokeAllRefresh() }));

        admin.MapPost("/reports/{token}/status", async (string token, HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var status = doc.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (state.Reports.Find(token) is { } report)
            {
                if (status is not ("FAILED" or "CANCELLED" or "EXPIRED" or "FINISHED" or "IN_PROGRESS"))
                    return Results.Json(new { code = 1, message = "status must be FAILED, CANCELLED, EXPIRED (or IN_PROGRESS/FINISHED to clear)." }, statusCode: 400);
                report.ForcedStatus = status is "FINISHED" or "IN_PROGRESS" ? null : status;
                return Results.Json(new { token, status = AsyncReportEndpoints.StatusOf(state, report) });
            }
            if (state.Bulk.Find(token) is { } bulk)
            {
                // ABSENT: answer without a status (BulkUpsertStatusResponse does not require one).
                if (status is not ("FAILED" or "RUNNING" or "SUCCEEDED" or "ABSENT"))
                    return Results.Json(new { code = 1, message = "status of a bulk request must be FAILED, RUNNING, SUCCEEDED or ABSENT (no status in the answer)." }, statusCode: 400);
                bulk.ForcedStatus = status;
                return Results.Json(new { token, status });
            }
            return Results.Json(new { code = 30, message = $"No report or bulk request '{token}'." }, statusCode: 404);
        });

        // Simulated nights: {"today": "yyyy-MM-dd"} or {"days": N} moves "today" forward.
        admin.MapGet("/today", () => Results.Json(new { today = state.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        admin.MapPost("/today", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var root = doc.RootElement;
            DateOnly target;
            if (root.TryGetProperty("today", out var t) && t.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(t.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                target = parsed;
            else if (root.TryGetProperty("days", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var days) && days >= 0)
                target = state.Today.AddDays(days);
            else
                return Results.Json(new { code = 1, message = "Give {\"today\": \"yyyy-MM-dd\"} or {\"days\": N} (N >= 0)." }, statusCode: 400);
            try { state.MoveTodayTo(target); }
            catch (ArgumentException e) { return Results.Json(new { code = 1, message = e.Message }, statusCode: 400); }
            return Results.Json(new { today = state.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        });

        admin.MapGet("/world", () => Results.Json(World(state), JsonOut.Options));

        admin.MapPost("/expected-rows", async (HttpContext http) =>
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(http.Request.Body);
                var query = ExpectedRowsQuery(state, doc.RootElement);
                http.Response.ContentType = "application/json";
                await ReportRowWriter.WriteAsync(http.Response.Body, state.Rows.Rows(query), query, RowFormat.ExpectedRows, http.RequestAborted);
            }
            catch (ApiException e)
            {
                await JsonOut.ErrorAsync(http, e);
            }
        });
    }

    private static object World(EmulatorState state) => new
    {
        today = state.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        seed = state.Options.Seed,
        adAccounts = state.World.Accounts.Select(a => new
        {
            id = a.Id,
            name = a.Name,
            currency = a.Currency,
            access = a.Access.ToString().ToUpperInvariant(),
            campaigns = a.Campaigns.Select(c => new
            {
                id = c.Id, name = c.Name, status = c.Status, objectiveType = c.ObjectiveType,
                adGroups = c.AdGroups.Select(g => new
                {
                    id = g.Id, name = g.Name, status = g.Status,
                    ads = g.Ads.Select(d => new { id = d.Id, name = d.Name, status = d.Status, pinId = d.PinId }),
                    productGroups = g.ProductGroups.Select(p => new
                    {
                        id = p.Id, name = p.Name, status = p.Status,
                        productItems = p.Items.Select(i => new { id = i.Id, name = i.Name }),
                    }),
                    keywords = g.Keywords.Select(KeywordJson),
                }),
            }),
            keywords = a.Keywords.Select(KeywordJson),
            templates = a.Templates.Select(t => new { id = t.Id, name = t.Name, reportLevel = t.ReportLevel, columns = t.Columns, granularity = t.Granularity }),
        }),
    };

    private static object KeywordJson(Keyword k) => new
    {
        id = k.Id, value = k.Value, matchType = k.MatchType, parentType = k.ParentType, parentId = k.ParentId,
        archived = k.Archived, delivers = k.Delivers,
    };

    private static ReportQuery ExpectedRowsQuery(EmulatorState state, JsonElement e)
    {
        string? Str(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        IReadOnlyList<string>? List(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.ToString()).ToArray() : null;
        string Required(string n) => Str(n) ?? throw ApiException.BadRequest($"expected-rows needs '{n}'.");

        var account = state.World.Account(Required("ad_account_id")) ?? throw ApiException.NotFoundError("Unknown ad_account_id.");
        var levelName = Required("level");
        // PIN (admin only) is the level of ad_pins/analytics: PIN_ID rows of one campaign.
        var (level, targeting) = levelName == "PIN" ? (ReportLevel.Pin, false)
            : ReportQuery.FromAsyncLevel(levelName) ?? throw ApiException.BadRequest($"Unknown level '{levelName}'.");
        var columns = List("columns") ?? throw ApiException.BadRequest("expected-rows needs 'columns'.");
        foreach (var c in columns)
            if (!ColumnModel.Instance.IsKnown(c)) throw ApiException.BadRequest($"Unknown column '{c}'.");
        var granularity = Required("granularity");
        if (granularity is not ("TOTAL" or "DAY" or "HOUR" or "WEEK" or "MONTH")) throw ApiException.BadRequest($"Unknown granularity '{granularity}'.");
        var ids = List("ids");
        var targetingTypes = List("targeting_types") ?? Array.Empty<string>();
        if (targeting && targetingTypes.Count == 0) throw ApiException.BadRequest($"Level {levelName} needs 'targeting_types'.");
        DateOnly Date(string n) => DateOnly.TryParseExact(Required(n), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw ApiException.BadRequest($"'{n}' must be YYYY-MM-DD.");
        return new ReportQuery
        {
            Account = account,
            Level = level,
            TargetingTypes = targeting ? targetingTypes : Array.Empty<string>(),
            CampaignIds = level == ReportLevel.Campaign ? ids : List("campaign_ids"),
            AdGroupIds = level == ReportLevel.AdGroup ? ids : List("ad_group_ids"),
            AdIds = level == ReportLevel.Ad ? ids : null,
            PinIds = level == ReportLevel.Pin ? ids : null,
            ProductGroupIds = level == ReportLevel.ProductGroup ? ids : null,
            KeywordIds = level == ReportLevel.Keyword ? ids : null,
            ProductItemIds = level == ReportLevel.ProductItem ? ids : null,
            AttributionTypes = List("attribution_types") ?? Array.Empty<string>(),
            CombineTargetingTypes = e.TryGetProperty("combine_targeting_types", out var combine) && combine.ValueKind == JsonValueKind.True,
            Start = Date("start_date"),
            End = Date("end_date"),
            Granularity = granularity,
            Columns = columns.Distinct().ToArray(),
            ClickWindowDays = Int("click_window_days") ?? 30,
            EngagementWindowDays = Int("engagement_window_days") ?? 30,
            ViewWindowDays = Int("view_window_days") ?? 1,
            ConversionReportTime = Str("conversion_report_time") ?? "TIME_OF_AD_ACTION",
            SortByDate = Str("primary_sort") == "BY_DATE",
        };
    }
}
