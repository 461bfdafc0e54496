using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>For every covered operation, a valid request's response validates against the description's response schema.</summary>
public sealed class ContractTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ContractTests(EmulatorFixture fixture) => _f = fixture;

    public static readonly string[] CoveredOperations =
    {
        "ad_accounts/list", "ad_accounts/get", "campaigns/list", "ad_groups/list", "ads/list", "product_group_promotions/list",
        "ad_account/analytics", "campaigns/analytics", "ad_groups/analytics", "ads/analytics", "product_groups/analytics",
        "ad_account_targeting_analytics/get", "campaign_targeting_analytics/get", "ad_groups_targeting_analytics/get", "ad_targeting_analytics/get",
        "analytics/create_report", "analytics/get_report", "templates/list", "analytics/create_template_report",
        "bulk_download/create", "bulk_request/get", "delivery_metrics/get", "targeting_options/get", "metrics_ready_state/get",
        "audience_insights/get", "audience_insights_scope_and_type/get", "oauth/token",
        "analytics/create_mmm_report", "analytics/get_mmm_report",
    };

    public static IEnumerable<object[]> Operations => CoveredOperations.Select(o => new object[] { o });

    [Fact]
    public void EveryOperationOfTheDigestIsCovered()
    {
        var digest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "api-catalog.json")))!["operations"]!.AsArray()
            .Select(o => (string)o!["operationId"]!).ToHashSet();
        Assert.Empty(digest.Except(CoveredOperations));
    }

    [OpenApiTheory]
    [MemberData(nameof(Operations))]
    public async Task ResponseValidatesAgainstTheDescription(string operationId)
    {
        var op = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "api-catalog.json")))!["operations"]!.AsArray()
            .Single(o => (string)o!["operationId"]! == operationId)!;
        var (method, path) = ((string)op["method"]!, (string)op["path"]!);
        var (request, client) = await BuildRequestAsync(operationId, path);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{operationId}: {(int)response.StatusCode} {text}");
        Assert.True(response.Headers.Contains("x-pinterest-rid"));
        Assert.Equal((string)op["rateLimitCategory"]!, response.Headers.GetValues("x-ratelimit-category").Single());
        var schema = OpenApiSchemas.ResponseSchema(path, method, "200");
        OpenApiSchemas.AssertValid(schema, JsonNode.Parse(text), operationId);
    }

    private async Task<(HttpRequestMessage, HttpClient)> BuildRequestAsync(string operationId, string path)
    {
        var account = _f.AccountId;
        var campaign = (string)_f.Campaigns().First()["id"]!;
        var adGroup = (string)_f.AdGroups().First()["id"]!;
        var ad = _f.Ads().First();
        var productGroup = (string)_f.AdGroups().First()["productGroups"]![0]!["id"]!;
        var template = (string)_f.World["adAccounts"]![0]!["templates"]![0]!["id"]!;
        const string dates = "start_date=2026-01-05&end_date=2026-01-12&granularity=DAY";
        const string cols = "columns=SPEND_IN_DOLLAR,IMPRESSION_1,CTR,CAMPAIGN_NAME,TOTAL_CONVERSIONS";
        var baseUrl = "ad_accounts/" + account;
        HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
        HttpRequestMessage PostJson(string url, object body) => new(HttpMethod.Post, url) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        var reportBody = new { start_date = "2026-01-05", end_date = "2026-01-12", granularity = "DAY", level = "CAMPAIGN", columns = new[] { "SPEND_IN_DOLLAR" } };

        var request = operationId switch
        {
            "ad_accounts/list" => Get("ad_accounts"),
            "ad_accounts/get" => Get(baseUrl),
            "campaigns/list" => Get($"{baseUrl}/campaigns?entity_statuses=ACTIVE&entity_statuses=PAUSED&entity_statuses=ARCHIVED"),
            "ad_groups/list" => Get($"{baseUrl}/ad_groups?campaign_ids={campaign}"),
            "ads/list" => Get($"{baseUrl}/ads?ad_group_ids={adGroup}"),
            "product_group_promotions/list" => Get($"{baseUrl}/product_group_promotions?ad_group_id={adGroup}"),
            "ad_account/analytics" => Get($"{baseUrl}/analytics?{dates}&{cols}"),
            "campaigns/analytics" => Get($"{baseUrl}/campaigns/analytics?campaign_ids={campaign}&{dates}&{cols}"),
            "ad_groups/analytics" => Get($"{baseUrl}/ad_groups/analytics?ad_group_ids={adGroup}&{dates}&{cols}"),
            "ads/analytics" => Get($"{baseUrl}/ads/analytics?ad_ids={ad["id"]}&{dates}&{cols}"),
            "product_groups/analytics" => Get($"{baseUrl}/product_groups/analytics?product_group_ids={productGroup}&{dates}&{cols}"),
            "ad_account_targeting_analytics/get" => Get($"{baseUrl}/targeting_analytics?targeting_types=LOCATION,GENDER&{dates}&{cols}"),
            "campaign_targeting_analytics/get" => Get($"{baseUrl}/campaigns/targeting_analytics?campaign_ids={campaign}&targeting_types=APPTYPE&{dates}&{cols}"),
            "ad_groups_targeting_analytics/get" => Get($"{baseUrl}/ad_groups/targeting_analytics?ad_group_ids={adGroup}&targeting_types=AGE_BUCKET&{dates}&{cols}"),
            "ad_targeting_analytics/get" => Get($"{baseUrl}/ads/targeting_analytics?ad_ids={ad["id"]}&targeting_types=KEYWORD&{dates}&{cols}"),
            "analytics/create_report" => PostJson($"{baseUrl}/reports", reportBody),
            "analytics/get_report" => Get($"{baseUrl}/reports?token={await CreateReportAsync(reportBody)}"),
            "analytics/create_mmm_report" => PostJson($"{baseUrl}/mmm_reports", MmmReportTests.ValidBody()),
            "analytics/get_mmm_report" => Get($"{baseUrl}/mmm_reports?token={await MmmReportTests.CreateAsync(_f, MmmReportTests.ValidBody())}"),
            "templates/list" => Get($"{baseUrl}/templates"),
            "analytics/create_template_report" => new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/templates/{template}/reports"),
            "bulk_download/create" => PostJson($"{baseUrl}/bulk/download", new { entity_types = new[] { "CAMPAIGN", "AD_GROUP" } }),
            "bulk_request/get" => Get($"{baseUrl}/bulk/{await CreateBulkAsync()}"),
            "delivery_metrics/get" => Get("resources/delivery_metrics?report_type=SYNC"),
            "targeting_options/get" => Get("resources/targeting/LOCATION"),
            "metrics_ready_state/get" => Get("resources/metrics_ready_state?date=2026-01-14"),
            "audience_insights/get" => Get($"{baseUrl}/audience_insights?audience_insight_type=YOUR_TOTAL_AUDIENCE"),
            "audience_insights_scope_and_type/get" => Get($"{baseUrl}/insights/audiences"),
            "oauth/token" => TokenRequest(),
            _ => throw new InvalidOperationException(operationId),
        };
        return (request, operationId == "oauth/token" ? _f.NewClient(null) : _f.Api);
    }

    private HttpRequestMessage TokenRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "ads:read" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("1234567890:emulator-client-secret")));
        return request;
    }

    private async Task<string> CreateReportAsync(object body)
    {
        var (status, json) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/reports", body);
        Assert.Equal(200, status);
        return (string)json!["token"]!;
    }

    private async Task<string> CreateBulkAsync()
    {
        var (status, json) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/bulk/download", new { output_format = "CSV" });
        Assert.Equal(200, status);
        return (string)json!["request_id"]!;
    }
}
