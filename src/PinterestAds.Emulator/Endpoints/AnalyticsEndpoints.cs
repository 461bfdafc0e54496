using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Emulator.Reports;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>The five sync analytics operations and the four targeting analytics operations.</summary>
internal static class AnalyticsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapOperation(state, "ad_account/analytics", c => SyncAsync(c, ReportLevel.Advertiser, null));
        app.MapOperation(state, "campaigns/analytics", c => SyncAsync(c, ReportLevel.Campaign, "campaign_ids"));
        app.MapOperation(state, "ad_groups/analytics", c => SyncAsync(c, ReportLevel.AdGroup, "ad_group_ids"));
        app.MapOperation(state, "ads/analytics", c => SyncAsync(c, ReportLevel.Ad, null));
        app.MapOperation(state, "product_groups/analytics", c => SyncAsync(c, ReportLevel.ProductGroup, "product_group_ids"));

        app.MapOperation(state, "ad_account_targeting_analytics/get", c => SyncAsync(c, ReportLevel.Advertiser, null, targeting: true));
        app.MapOperation(state, "campaign_targeting_analytics/get", c => SyncAsync(c, ReportLevel.Campaign, "campaign_ids", targeting: true));
        app.MapOperation(state, "ad_groups_targeting_analytics/get", c => SyncAsync(c, ReportLevel.AdGroup, "ad_group_ids", targeting: true));
        app.MapOperation(state, "ad_targeting_analytics/get", c => SyncAsync(c, ReportLevel.Ad, "ad_ids", targeting: true));
    }

    private static async Task SyncAsync(OperationContext c, ReportLevel level, string? idParameter, bool targeting = false)
    {
        var query = BuildSyncQuery(c, level, idParameter, targeting);
        var http = c.Http;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await ReportRowWriter.WriteAsync(http.Response.Body, c.State.Rows.Rows(query), query,
            targeting ? RowFormat.SyncTargeting : RowFormat.SyncArray, http.RequestAborted);
    }

    /// <summary>The query a sync request asks, with the description's prose rules (date windows, ads id rule) enforced.</summary>
    public static ReportQuery BuildSyncQuery(OperationContext c, ReportLevel level, string? idParameter, bool targeting)
    {
        var account = c.Account();
        var p = c.Parameters;
        var granularity = p.RequiredString("granularity");
        var start = p.Date("start_date")!.Value;
        var end = p.Date("end_date")!.Value;
        ReportingLimits.CheckDates(start, end, c.State.Today, ReportingLimits.ForSync(c.Operation.OperationId, granularity),
            granularity == "HOUR" ? "sync analytics, HOUR granularity" : "sync analytics");

        IReadOnlyList<string>? adIds = p.List("ad_ids"), campaignIds = p.List("campaign_ids"), pinIds = p.List("pin_ids");
        if (c.Operation.OperationId == "ads/analytics" && adIds is null && (campaignIds is null || pinIds is null))
            throw ApiException.BadRequest("ads/analytics needs either 'ad_ids', or both 'campaign_ids' and 'pin_ids'.");

        return new ReportQuery
        {
            Account = account,
            Level = level,
            TargetingTypes = targeting ? p.List("targeting_types")!.Distinct().ToArray() : Array.Empty<string>(),
            CampaignIds = idParameter == "campaign_ids" || level == ReportLevel.Ad ? campaignIds : null,
            AdGroupIds = idParameter == "ad_group_ids" ? p.List("ad_group_ids") : null,
            AdIds = level == ReportLevel.Ad ? adIds : null,
            PinIds = level == ReportLevel.Ad ? pinIds : null,
            ProductGroupIds = idParameter == "product_group_ids" ? p.List("product_group_ids") : null,
            Start = start,
            End = end,
            Granularity = granularity,
            Columns = p.List("columns")!.Distinct().ToArray(),
            ClickWindowDays = (int)(p.Integer("click_window_days") ?? 30),
            EngagementWindowDays = (int)(p.Integer("engagement_window_days") ?? 30),
            ViewWindowDays = (int)(p.Integer("view_window_days") ?? 1),
            ConversionReportTime = p.String("conversion_report_time") ?? "TIME_OF_AD_ACTION",
        };
    }
}
