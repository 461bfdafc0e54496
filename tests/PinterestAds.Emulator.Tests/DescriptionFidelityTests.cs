using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// The emulator answers as the description says, read from openapi.json itself: nested required fields,
/// the sync "end_date at most 90 days past start_date" rule, the ad account's HOUR window, the template
/// report's 2.5 years, the product group listing's filter rule, targeting types per level, id lengths.
/// </summary>
public sealed class DescriptionFidelityTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public DescriptionFidelityTests(EmulatorFixture fixture) => _f = fixture;

    private static DateOnly Today => EmulatorFixture.Today;

    private static JsonNode Schemas => OpenApiSchemas.Description["components"]!["schemas"]!;

    private static JsonNode Parameter(string name) => OpenApiSchemas.Description["components"]!["parameters"]![name]!;

    private static string OperationDescription(string path, string method = "get") =>
        (string)OpenApiSchemas.Description["paths"]![path]![method]!["description"]!;

    /// <summary>A property of the async report body, wherever in its (nested) allOf parts it is.</summary>
    private static JsonNode ReportBodyProperty(string name) => FindProperty(Schemas["AdsAnalyticsCreateAsyncRequest"]!, name)
        ?? throw new InvalidOperationException($"AdsAnalyticsCreateAsyncRequest has no property {name}.");

    private static JsonNode? FindProperty(JsonNode schema, string name)
    {
        schema = Resolve(schema);
        if (schema["properties"]?[name] is { } found) return found;
        return schema["allOf"]?.AsArray().Select(part => FindProperty(part!, name)).FirstOrDefault(p => p is not null);
    }

    /// <summary>Follows a local $ref (#/components/schemas/X, #/components/parameters/Y).</summary>
    private static JsonNode Resolve(JsonNode node)
    {
        if (node["$ref"] is not { } reference) return node;
        JsonNode target = OpenApiSchemas.Description;
        foreach (var part in ((string)reference!).TrimStart('#', '/').Split('/')) target = target[part]!;
        return Resolve(target);
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd");

    private Task<(int Status, JsonNode? Body)> CreateReport(Dictionary<string, object> extra)
    {
        var body = new Dictionary<string, object>
        {
            ["start_date"] = D(Today.AddDays(-10)), ["end_date"] = D(Today.AddDays(-5)), ["granularity"] = "DAY",
            ["level"] = "CAMPAIGN", ["columns"] = new[] { "SPEND_IN_DOLLAR" },
        };
        foreach (var (key, value) in extra) body[key] = value;
        return _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports", body);
    }

    public static IEnumerable<object[]> NestedRequiredFields()
    {
        if (!OpenApiSchemas.Available) yield break;
        foreach (var field in new[] { "custom_conversion_event_metrics", "metrics_filters" })
        {
            var items = Resolve(ReportBodyProperty(field)["items"]!);
            foreach (var required in items["required"]!.AsArray()) yield return new object[] { field, (string)required! };
        }
    }

    [OpenApiTheory]
    [MemberData(nameof(NestedRequiredFields))]
    public async Task An_item_missing_a_required_field_is_refused(string field, string required)
    {
        var complete = new Dictionary<string, Dictionary<string, object>>
        {
            ["custom_conversion_event_metrics"] = new() { ["custom_event_metrics_type"] = "ADE_ROAS", ["custom_event_name"] = "lead" },
            ["metrics_filters"] = new() { ["field"] = "SPEND_IN_DOLLAR", ["operator"] = "GREATER_THAN", ["values"] = new[] { 0.5 } },
        }[field];
        var (ok, okBody) = await CreateReport(new() { [field] = new[] { complete } });
        Assert.True(ok == 200, okBody?.ToJsonString());

        var partial = complete.Where(p => p.Key != required).ToDictionary(p => p.Key, p => p.Value);
        var (status, body) = await CreateReport(new() { [field] = new[] { partial } });
        Assert.Equal(400, status);
        Assert.Contains($"{field}[0].{required}", (string)body!["message"]!);
    }

    [OpenApiFact]
    public async Task A_sync_end_date_may_be_ninety_days_past_the_start_date_and_no_more()
    {
        var rule = Regex.Match((string)Parameter("query_end_date")["description"]!, @"more than (\d+) days past start_date");
        Assert.True(rule.Success, "the description's end_date rule changed");
        int days = int.Parse(rule.Groups[1].Value);
        var campaign = (string)_f.Campaigns().First()["id"]!;
        string Url(DateOnly start, DateOnly end) =>
            $"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={campaign}&start_date={D(start)}&end_date={D(end)}&granularity=DAY&columns=SPEND_IN_DOLLAR";

        var start = Today.AddDays(-days);
        var (status, body) = await _f.SendAsync(HttpMethod.Get, Url(start, start.AddDays(days)));
        Assert.True(status == 200, body?.ToJsonString());
        // Inside the lookback, a longer span needs an end in the future.
        var (tooLong, message) = await _f.SendAsync(HttpMethod.Get, Url(start.AddDays(1), start.AddDays(1 + days + 1)));
        Assert.Equal(400, tooLong);
        Assert.Contains("days", (string)message!["message"]!);
    }

    [OpenApiFact]
    public async Task Hour_on_the_ad_account_has_no_three_day_range_where_the_description_gives_none()
    {
        string hourRule(string path) => OperationDescription(path).Split('\n').Single(l => l.Contains("If granularity is HOUR"));
        Assert.DoesNotContain("3 days", hourRule("/ad_accounts/{ad_account_id}/analytics"));
        Assert.Contains("maximum time range of 3 days", hourRule("/ad_accounts/{ad_account_id}/campaigns/analytics"));

        string range = $"start_date={D(Today.AddDays(-8))}&end_date={D(Today)}&granularity=HOUR&columns=SPEND_IN_DOLLAR";
        var (account, body) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/analytics?{range}");
        Assert.True(account == 200, body?.ToJsonString());
        var campaign = (string)_f.Campaigns().First()["id"]!;
        var (campaigns, refused) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={campaign}&{range}");
        Assert.Equal(400, campaigns);
        Assert.Contains("3 days", (string)refused!["message"]!);
        var (tooOld, _) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/analytics?start_date={D(Today.AddDays(-9))}&end_date={D(Today)}&granularity=HOUR&columns=SPEND_IN_DOLLAR");
        Assert.Equal(400, tooOld);
    }

    [OpenApiFact]
    public async Task Template_reports_reach_two_and_a_half_years_back_and_span_as_long()
    {
        Assert.Contains("2.5 years back from today", (string)Parameter("query_start_date_async")["description"]!);
        Assert.Contains("2.5 years past start date", (string)Parameter("query_end_date_async")["description"]!);
        var template = (string)_f.World["adAccounts"]![0]!["templates"]![0]!["id"]!;
        string Url(DateOnly start, DateOnly end) => $"ad_accounts/{_f.AccountId}/templates/{template}/reports?start_date={D(start)}&end_date={D(end)}";

        var earliest = Today.AddMonths(-30);
        var (status, body) = await _f.SendAsync(HttpMethod.Post, Url(earliest, Today));
        Assert.True(status == 200, body?.ToJsonString());
        var (tooOld, message) = await _f.SendAsync(HttpMethod.Post, Url(earliest.AddDays(-1), Today));
        Assert.Equal(400, tooOld);
        Assert.Contains("2.5 years", (string)message!["message"]!);
        var (tooLong, _) = await _f.SendAsync(HttpMethod.Post, Url(earliest, earliest.AddMonths(30).AddDays(1)));
        Assert.Equal(400, tooLong);
    }

    [OpenApiFact]
    public async Task Listing_product_group_promotions_needs_ids_or_an_ad_group_and_ids_win()
    {
        var text = OperationDescription("/ad_accounts/{ad_account_id}/product_group_promotions");
        Assert.Contains("If none are provided, the endpoint returns an error", text);
        Assert.Contains("product_group_promotion_ids takes precedence", text);
        string url = $"ad_accounts/{_f.AccountId}/product_group_promotions";

        var (none, body) = await _f.SendAsync(HttpMethod.Get, url);
        Assert.Equal(400, none);
        Assert.Contains("ad_group_id", (string)body!["message"]!);

        var groups = _f.AdGroups().Where(g => g!["productGroups"]!.AsArray().Count > 0).Take(2).ToList();
        var first = (string)groups[0]["productGroups"]![0]!["id"]!;
        var (byGroup, listed) = await _f.SendAsync(HttpMethod.Get, $"{url}?ad_group_id={groups[0]["id"]}");
        Assert.Equal(200, byGroup);
        Assert.Contains(first, listed!["items"]!.AsArray().Select(i => (string)i!["id"]!));

        // Both given: the ids win, so a promotion of another ad group still comes back.
        var (both, precedence) = await _f.SendAsync(HttpMethod.Get, $"{url}?product_group_promotion_ids={first}&ad_group_id={groups[1]["id"]}");
        Assert.Equal(200, both);
        Assert.Equal(new[] { first }, precedence!["items"]!.AsArray().Select(i => (string)i!["id"]!));
    }

    public static IEnumerable<object[]> TargetingTypesOfOneLevel()
    {
        if (!OpenApiSchemas.Available) yield break;
        var text = (string)Resolve(Schemas["TargetingTypeFilter"]!)["properties"]!["targeting_types"]!["description"]!;
        var rules = Regex.Matches(text, @"\[""(\w+)""\] is only available in (\w+) level").ToList();
        if (rules.Count == 0) throw new InvalidOperationException("the description's targeting type rules changed");
        foreach (var rule in rules)
            foreach (var level in new[] { "ADVERTISER_TARGETING", "CAMPAIGN_TARGETING", "AD_GROUP_TARGETING", "PIN_PROMOTION_TARGETING", "PRODUCT_GROUP_TARGETING" })
                yield return new object[] { rule.Groups[1].Value, rule.Groups[2].Value, level };
    }

    [OpenApiTheory]
    [MemberData(nameof(TargetingTypesOfOneLevel))]
    public async Task A_targeting_type_of_one_level_is_refused_at_the_others(string type, string onlyAt, string level)
    {
        var (status, body) = await CreateReport(new() { ["level"] = level, ["targeting_types"] = new[] { type } });
        if (level == onlyAt)
        {
            Assert.True(status == 200, body?.ToJsonString());
            return;
        }
        Assert.Equal(400, status);
        Assert.Contains($"only available at level {onlyAt}", (string)body!["message"]!);
    }

    [OpenApiFact]
    public async Task Ids_are_capped_at_eighteen_digits_only_where_the_description_says_so()
    {
        JsonNode Param(string path, string name) => OpenApiSchemas.Description["paths"]![path]!["get"]!["parameters"]!.AsArray()
            .Select(p => Resolve(p!)).Single(p => (string)p["name"]! == name);
        var adIds = Param("/ad_accounts/{ad_account_id}/ads/analytics", "ad_ids")["schema"]!["items"]!;
        Assert.Equal(@"^\d+$", (string)adIds["pattern"]!);
        Assert.Null(adIds["maxLength"]);

        string nineteen = new('7', 19);
        const string rest = "start_date=2026-01-05&end_date=2026-01-12&granularity=DAY&columns=SPEND_IN_DOLLAR";
        var (ads, body) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/ads/analytics?ad_ids={nineteen}&{rest}");
        Assert.True(ads == 200, body?.ToJsonString());
        var (report, created) = await CreateReport(new() { ["level"] = "PIN_PROMOTION", ["ad_ids"] = new[] { nineteen } });
        Assert.True(report == 200, created?.ToJsonString());
        var (campaigns, _) = await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/campaigns/analytics?campaign_ids={nineteen}&{rest}");
        Assert.Equal(400, campaigns);
    }
}
