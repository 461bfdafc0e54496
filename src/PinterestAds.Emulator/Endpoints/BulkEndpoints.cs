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
            long? Unix(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? long.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
            var request = new BulkRequest
            {
                Id = c.State.NextId("bulk_"),
                Account = account,
                EntityTypes = List(body, "entity_types") ?? DefaultTypes,
                EntityIds = List(body, "entity_ids"),
                CampaignStatuses = List(filter, "campaign_status"),
                ObjectiveTypes = List(filter, "objective_type"),
                CampaignName = filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty("name", out var n) ? n.GetString() : null,
                CampaignStartTime = Unix(filter, "start_time"),
                CampaignEndTime = Unix(filter, "end_time"),
                UpdatedSince = Unix(body, "updated_since"),
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
            var status = StatusOf(c.State, request);
            var result = new Dictionary<string, object?>();
            if (status != "ABSENT") result["status"] = status;
            if (status == "SUCCEEDED")
                result["result_url"] = c.State.Links.Sign(c.State.StoreBaseUri, request.FileName,
                    c.State.Time.GetUtcNow().AddSeconds(c.State.Options.LinkLifetimeSeconds));
            // include_details: "attach the errors/details to all the requests". A download has no errors; its
            // details are what it holds, per entity type.
            if (c.Parameters.Boolean("include_details") == true)
                result["details"] = Selection(request).Select(t => new Dictionary<string, object?> { ["entity_type"] = t.Type, ["count"] = t.Items.Count }).ToList();
            await c.JsonAsync(result);
        });
    }

    public static string StatusOf(EmulatorState state, BulkRequest request)
    {
        if (request.ForcedStatus is { } forced) return forced;
        return (state.Time.GetUtcNow() - request.CreatedAt).TotalMilliseconds < state.Options.BulkPreparationMs ? "RUNNING" : "SUCCEEDED";
    }

    /// <summary>
    /// The entities a request selects, per requested type: active ones (the description: only active entities
    /// return data) passing the campaign filter (statuses, objectives, name, schedule overlapping
    /// start_time..end_time), the ids, and updated_since (entities without an update time never pass it).
    /// </summary>
    private static List<(string Type, List<Dictionary<string, object?>> Items)> Selection(BulkRequest r)
    {
        bool CampaignOk(Campaign c) => c.Status == "ACTIVE"
            && (r.CampaignStatuses is null || r.CampaignStatuses.Contains(c.SummaryStatus))
            && (r.ObjectiveTypes is null || r.ObjectiveTypes.Contains(c.ObjectiveType))
            && (r.CampaignName is null || c.Name.Contains(r.CampaignName, StringComparison.OrdinalIgnoreCase))
            // The campaign's start_time (EntityJson: its creation) inside start_time..end_time.
            && (r.CampaignStartTime is null || c.CreatedTime >= r.CampaignStartTime)
            && (r.CampaignEndTime is null || c.CreatedTime <= r.CampaignEndTime);
        bool IdOk(string id) => r.EntityIds is null || r.EntityIds.Contains(id);
        bool Fresh(Dictionary<string, object?> json) => r.UpdatedSince is null || (json.GetValueOrDefault("updated_time") is long t && t >= r.UpdatedSince);
        List<Dictionary<string, object?>> Pick<T>(IEnumerable<T> items, Func<T, Dictionary<string, object?>> shape) => items.Select(shape).Where(Fresh).ToList();
        var selected = new List<(string, List<Dictionary<string, object?>>)>();
        foreach (var type in r.EntityTypes)
        {
            var items = type switch
            {
                "CAMPAIGN" => Pick(r.Account.Campaigns.Where(c => CampaignOk(c) && IdOk(c.Id)), EntityJson.Campaign),
                "AD_GROUP" => Pick(r.Account.AdGroups.Where(g => g.Status == "ACTIVE" && CampaignOk(g.Campaign) && IdOk(g.Id)), EntityJson.AdGroup),
                "AD" => Pick(r.Account.Ads.Where(a => a.Status == "ACTIVE" && a.AdGroup.Status == "ACTIVE" && CampaignOk(a.AdGroup.Campaign) && IdOk(a.Id)), EntityJson.Ad),
                "PRODUCT_GROUP" => Pick(r.Account.ProductGroups.Where(p => p.Status == "ACTIVE" && CampaignOk(p.AdGroup.Campaign) && IdOk(p.Id)), EntityJson.ProductGroup),
                "KEYWORD" => Pick(r.Account.Keywords.Where(k => !k.Archived && (k.Campaign is null || CampaignOk(k.Campaign))
                    && (k.AdGroup is null || k.AdGroup.Status == "ACTIVE") && IdOk(k.Id)), KeywordEndpoints.Json),
                _ => new List<Dictionary<string, object?>>(), // LABEL, SCHEDULE: not part of the emulated world
            };
            selected.Add((type, items));
        }
        return selected;
    }

    /// <summary>The bulk file: JSON (one array per type) or CSV (one line per entity).</summary>
    public static byte[] Content(BulkRequest r)
    {
        var selection = Selection(r);
        if (!r.Csv)
        {
            var doc = new Dictionary<string, object>();
            foreach (var (type, items) in selection) doc[type.ToLowerInvariant() + "s"] = items;
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
        foreach (var (type, items) in selection)
            foreach (var item in items)
            {
                string Text(string key) => item.GetValueOrDefault(key)?.ToString() ?? "";
                var id = Text("id");
                var adGroupId = type == "AD_GROUP" ? id : type == "KEYWORD" && Text("parent_type") == "ad_group" ? Text("parent_id") : Text("ad_group_id");
                var campaignId = type == "CAMPAIGN" ? id : Text("campaign_id") is { Length: > 0 } own ? own
                    : type == "KEYWORD" && Text("parent_type") == "campaign" ? Text("parent_id")
                    : r.Account.AdGroups.FirstOrDefault(g => g.Id == adGroupId)?.Campaign.Id ?? "";
                var objective = r.Account.Campaigns.FirstOrDefault(c => c.Id == campaignId)?.ObjectiveType ?? "";
                Line(type, id, type == "KEYWORD" ? Text("value") : Text("name"), type == "KEYWORD" ? Text("match_type") : Text("status"),
                    campaignId, adGroupId, objective, type != "PRODUCT_GROUP" && item.GetValueOrDefault("created_time") is long created ? created : 0);
            }
        return csv.Written.ToArray();
    }
}
