using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Emulator.Resources;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>delivery_metrics, targeting options, metrics_ready_state, audience insights.</summary>
internal static class ResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapOperation(state, "delivery_metrics/get", c =>
        {
            var type = c.Parameters.String("report_type");
            var columns = type == "SYNC" ? ApiCatalog.Instance.SyncColumns
                : ApiCatalog.Instance.AsyncColumns.Union(ApiCatalog.Instance.SyncColumns).ToList();
            var items = columns.Select(name => new Dictionary<string, object?>
            {
                ["name"] = name,
                ["display_name"] = MetricDefinitions.DisplayName(name),
                ["definition"] = MetricDefinitions.Definition(name),
                ["category"] = MetricDefinitions.Category(name),
            }).ToList();
            return c.JsonAsync(new Dictionary<string, object?> { ["items"] = items });
        });

        app.MapOperation(state, "targeting_options/get", c =>
        {
            var type = c.Parameters.RequiredString("targeting_type");
            if (c.Parameters.String("ad_account_id") is { } accountId && c.State.World.Account(accountId) is null)
                throw ApiException.NotFoundError($"Ad account {accountId} not found.");
            var options = TargetingOptions.ForResource(type).Select(Shape).ToList();
            return c.JsonAsync(options);
        });

        app.MapOperation(state, "metrics_ready_state/get", c =>
        {
            var date = c.Parameters.Date("date")!.Value;
            var today = c.State.Today;
            return c.JsonAsync(new Dictionary<string, object?>
            {
                ["conversion_metrics_ready"] = LateConversions.IsFinal(date, today),
                ["non_conversion_metrics_ready"] = date.DayNumber <= today.DayNumber - ReportingLimits.NonConversionSettlingDays,
            });
        });

        app.MapOperation(state, "audience_insights/get", c =>
        {
            var account = c.Account();
            var type = c.Parameters.String("audience_insight_type") ?? "YOUR_TOTAL_AUDIENCE";
            return c.JsonAsync(AudienceInsights.Build(c.State.World.Seed, account, type, c.State.Today));
        });

        app.MapOperation(state, "audience_insights_scope_and_type/get", c =>
        {
            c.Account();
            var date = c.State.Today.AddDays(-1).ToString("yyyy-MM-dd");
            var items = new[]
            {
                new Dictionary<string, object?> { ["scope"] = "ADVERTISER", ["type"] = "YOUR_TOTAL_AUDIENCE", ["date"] = date },
                new Dictionary<string, object?> { ["scope"] = "ADVERTISER", ["type"] = "YOUR_ENGAGED_AUDIENCE", ["date"] = date },
                new Dictionary<string, object?> { ["scope"] = "PINTEREST", ["type"] = "PINTEREST_TOTAL_AUDIENCE", ["date"] = date },
            };
            return c.JsonAsync(new Dictionary<string, object?> { ["items"] = items });
        });
    }

    private static Dictionary<string, object?> Shape(TargetingOption o)
    {
        var d = new Dictionary<string, object?> { ["id"] = o.Id, ["name"] = o.Name };
        if (o.Children is not null) d["children"] = o.Children.Select(Shape).ToList();
        return d;
    }
}
