using System.Text.Json;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Reports;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Endpoints;

/// <summary>Bulk entity download: create, status, and the file the object store serves.</summary>
internal static class BulkEndpoints
{
    private static readonly string[] DefaultTypes = { "CAMPAIGN", "AD_GROUP", "AD" };

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapOperation(state, "bulk_download/create", async c =>
        {
            var account = c.Account();
            var body = await AsyncReportEndpoints.ReadJsonBodyAsync(c);
            BodyValidator.Validate(ApiCatalog.Instance.Body("BulkDownloadRequest"), body);
            IReadOnlyList<string>? List(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
            var filter = body.TryGetProperty("campaign_filter", out var cf) ? cf : default;
            var request = new BulkRequest
            {
                Id = c.State.NextId("bulk_"),
                Account = account,
                EntityTypes = List(body, "entity_types") ?? DefaultTypes,
                EntityIds = List(body, "entity_ids"),
                CampaignStatuses = List(filter, "campaign_status"),
                ObjectiveTypes = List(filter, "objective_type"),
                CampaignName = filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty("name", out var n) ? n.GetString() : null,
                Csv = body.TryGetProperty("output_format", out var f) && f.GetString() == "CSV",
                CreatedAt = c.State.Time.GetUtcNow(),
            };
            c.State.Bulk.Add(request);
            await c.JsonAsync(new Dictionary<string, object?> { ["request_id"] = request.Id });
        });

        app.MapOperation(state, "bulk_request/get", async c =>
        {
            var account = c.Account();
            var id = c.Parameters.RequiredString("bulk_request_id");
            var request = c.State.Bulk.Find(id);
            if (request is null || request.Account != account)
                throw ApiException.NotFoundError($"Bulk request {id} not found in ad account {account.Id}.");
            // include_details is validated as the description's boolean; BulkUpsertStatusResponse defines no detail fields to add.
            var status = StatusOf(c.State, request);
            var result = new Dictionary<string, object?>();
            if (status != "ABSENT") result["status"] = status;
            if (status == "SUCCEEDED")
                result["result_url"] = c.State.Links.Sign(c.State.StoreBaseUri, request.FileName,
                    c.State.Time.GetUtcNow().AddSeconds(c.State.Options.LinkLifetimeSeconds));
            await c.JsonAsync(result);
        });
    }

    public static string StatusOf(EmulatorState state, BulkRequest request)
    {
        if (request.ForcedStatus is { } forced) return forced;
        return (state.Time.GetUtcNow() - request.CreatedAt).TotalMilliseconds < state.Options.BulkPreparationMs ? "RUNNING" : "SUCCEEDED";
    }

    /// <summary>The bulk file: active entities of the requested types, JSON (one array per type) or CSV (one line per entity).</summary>
    public static byte[] Content(BulkRequest r)
    {
        bool CampaignOk(Campaign c) => c.Status == "ACTIVE"
            && (r.CampaignStatuses is null || r.CampaignStatuses.Contains(c.SummaryStatus))
            && (r.ObjectiveTypes is null || r.ObjectiveTypes.Contains(c.ObjectiveType))
            && (r.CampaignName is null || c.Name.Contains(r.CampaignName, StringComparison.OrdinalIgnoreCase));
        bool IdOk(string id) => r.EntityIds is null || r.EntityIds.Contains(id);
        var campaigns = r.Account.Campaigns.Where(c => CampaignOk(c) && IdOk(c.Id)).ToList();
        var adGroups = r.Account.AdGroups.Where(g => g.Status == "ACTIVE" && CampaignOk(g.Campaign) && IdOk(g.Id)).ToList();
        var ads = r.Account.Ads.Where(a => a.Status == "ACTIVE" && a.AdGroup.Status == "ACTIVE" && CampaignOk(a.AdGroup.Campaign) && IdOk(a.Id)).ToList();
        var productGroups = r.Account.ProductGroups.Where(p => p.Status == "ACTIVE" && CampaignOk(p.AdGroup.Campaign) && IdOk(p.Id)).ToList();
        var types = r.EntityTypes;

        if (!r.Csv)
        {
            var doc = new Dictionary<string, object>();
            if (types.Contains("CAMPAIGN")) doc["campaigns"] = campaigns.Select(EntityJson.Campaign).ToList();
            if (types.Contains("AD_GROUP")) doc["ad_groups"] = adGroups.Select(EntityJson.AdGroup).ToList();
            if (types.Contains("AD")) doc["ads"] = ads.Select(EntityJson.Ad).ToList();
            if (types.Contains("PRODUCT_GROUP")) doc["product_groups"] = productGroups.Select(EntityJson.ProductGroup).ToList();
            foreach (var other in types.Where(t => t is "KEYWORD" or "LABEL" or "SCHEDULE")) doc[other.ToLowerInvariant() + "s"] = Array.Empty<object>();
            return JsonSerializer.SerializeToUtf8Bytes(doc, JsonOut.Options);
        }
        var csv = new Utf8Buffer();
        csv.Ascii("entity_type,id,name,status,campaign_id,ad_group_id,objective_type,created_time\n");
        void Line(string type, string id, string name, string status, string campaignId, string adGroupId, string objective, long created)
        {
            csv.Ascii(type + "," + id + ",");
            csv.CsvString(name);
            csv.Ascii($",{status},{campaignId},{adGroupId},{objective},{created}\n");
        }
        if (types.Contains("CAMPAIGN")) foreach (var c in campaigns) Line("CAMPAIGN", c.Id, c.Name, c.Status, c.Id, "", c.ObjectiveType, c.CreatedTime);
        if (types.Contains("AD_GROUP")) foreach (var g in adGroups) Line("AD_GROUP", g.Id, g.Name, g.Status, g.Campaign.Id, g.Id, g.Campaign.ObjectiveType, g.CreatedTime);
        if (types.Contains("AD")) foreach (var a in ads) Line("AD", a.Id, a.Name, a.Status, a.AdGroup.Campaign.Id, a.AdGroup.Id, a.AdGroup.Campaign.ObjectiveType, a.CreatedTime);
        if (types.Contains("PRODUCT_GROUP")) foreach (var p in productGroups) Line("PRODUCT_GROUP", p.Id, p.Name, p.Status, p.AdGroup.Campaign.Id, p.AdGroup.Id, p.AdGroup.Campaign.ObjectiveType, 0);
        return csv.Written.ToArray();
    }
}
