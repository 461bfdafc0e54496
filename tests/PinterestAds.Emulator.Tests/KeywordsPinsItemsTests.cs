using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// Keywords, pins and product items: keywords/get as the description defines it, pin analytics, KEYWORD and
/// PRODUCT_ITEM reports, and the sums that hold between the levels.
/// </summary>
public sealed class KeywordsPinsItemsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public KeywordsPinsItemsTests(EmulatorFixture fixture) => _f = fixture;

    private const string Window = "start_date=2026-01-01&end_date=2026-01-14";

    private string Base => $"ad_accounts/{_f.AccountId}";

    private static long Sum(IEnumerable<JsonNode?> rows, string column) => rows.Sum(r => r![column] is { } v ? (long)v : 0);

    private static JsonNode Schema(string name) => OpenApiSchemas.Description!["components"]!["schemas"]![name]!;

    private static string[] Enum(string schema) => Schema(schema)["enum"]!.AsArray().Where(v => v is not null).Select(v => (string)v!).ToArray();

    private async Task<List<JsonNode>> AllKeywordsAsync(string query)
    {
        var items = new List<JsonNode>();
        string? bookmark = null;
        do
        {
            var page = await _f.GetJsonAsync($"{Base}/keywords?{query}{(bookmark is null ? "" : "&bookmark=" + Uri.EscapeDataString(bookmark))}");
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            bookmark = (string?)page["bookmark"];
        } while (bookmark is not null);
        return items;
    }

    [OpenApiFact]
    public async Task WithoutAFilterKeywordsGetListsTheAccountsOwnKeywordsWhichAreNegative()
    {
        // "If no filter is provided ... it will only return keywords that specifically have parent_id set to the ad_account_id."
        var keywords = await AllKeywordsAsync("page_size=25");
        Assert.NotEmpty(keywords);
        Assert.All(keywords, k => Assert.Equal(_f.AccountId, (string)k["parent_id"]!));
        // "Advertisers and campaigns can only be assigned keywords with excluding ('_NEGATIVE')."
        Assert.All(keywords, k => Assert.EndsWith("_NEGATIVE", (string)k["match_type"]!));
        Assert.All(keywords, k => Assert.Equal("keyword", (string)k["type"]!));
    }

    [OpenApiFact]
    public async Task CampaignsCarryNegativeKeywordsAndAdGroupsEveryMatchType()
    {
        var campaign = (string)_f.Campaigns().First()["id"]!;
        var ofCampaign = await AllKeywordsAsync($"campaign_id={campaign}");
        Assert.NotEmpty(ofCampaign);
        Assert.All(ofCampaign, k => Assert.Equal(campaign, (string)k["parent_id"]!));
        Assert.All(ofCampaign, k => Assert.EndsWith("_NEGATIVE", (string)k["match_type"]!));

        var adGroup = (string)_f.AdGroups().First()["id"]!;
        var ofAdGroup = await AllKeywordsAsync($"ad_group_id={adGroup}");
        // "All keyword match types are available for ad groups": the world gives each ad group every one.
        Assert.Equal(Enum("MatchType").Order(), ofAdGroup.Select(k => (string)k["match_type"]!).Distinct().Order());
        Assert.All(ofAdGroup, k => Assert.Equal(adGroup, (string)k["parent_id"]!));
    }

    [OpenApiFact]
    public async Task MatchTypesAndAdGroupIdsFilterAndPagesNeverRepeatOrDropAKeyword()
    {
        var adGroups = _f.AdGroups().Take(3).Select(g => (string)g["id"]!).ToArray();
        var ids = string.Join("&", adGroups.Select(g => "ad_group_ids=" + g));
        var all = await AllKeywordsAsync($"{ids}&page_size=25");
        Assert.Equal(adGroups.Order(), all.Select(k => (string)k["parent_id"]!).Distinct().Order());

        var paged = await AllKeywordsAsync($"{ids}&page_size=2");
        Assert.Equal(all.Select(k => (string)k["id"]!), paged.Select(k => (string)k["id"]!));

        var exact = await AllKeywordsAsync($"{ids}&match_types=EXACT&match_types=BROAD");
        Assert.Equal(adGroups.Length * 2, exact.Count);
        Assert.All(exact, k => Assert.Contains((string)k["match_type"]!, new[] { "EXACT", "BROAD" }));

        // The parameter's own facts: match_types at most 5 values, ad_group_ids at most 250.
        var (status, body) = await _f.SendAsync(HttpMethod.Get, $"{Base}/keywords?match_types=BAD");
        Assert.Equal(400, status);
        Assert.Contains("match_types", (string)body!["message"]!);
    }

    [Fact]
    public async Task PinRowsSumTheCampaignsAdsOfThatPinAndAddUpToTheCampaign()
    {
        var campaign = _f.Campaigns().First();
        var ads = campaign["adGroups"]!.AsArray().SelectMany(g => g!["ads"]!.AsArray()).ToArray();
        var pins = ads.Select(a => (string)a!["pinId"]!).Distinct().ToArray();
        Assert.True(pins.Length < ads.Length, "several ads of a campaign promote the same pin");
        const string columns = "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1";
        var pinRows = (await _f.GetJsonAsync($"{Base}/pins/analytics?campaign_id={campaign["id"]}&{string.Join("&", pins.Select(p => "pin_ids=" + p))}&{Window}&granularity=TOTAL&columns={columns}")).AsArray();
        var adRows = (await _f.GetJsonAsync($"{Base}/ads/analytics?{string.Join("&", ads.Select(a => "ad_ids=" + a!["id"]))}&{Window}&granularity=TOTAL&columns={columns},PIN_ID")).AsArray();
        var campaignRow = (await _f.GetJsonAsync($"{Base}/campaigns/analytics?campaign_ids={campaign["id"]}&{Window}&granularity=TOTAL&columns={columns}")).AsArray().Single()!;
        foreach (var pinRow in pinRows)
            Assert.Equal(Sum(adRows.Where(a => (string)a!["PIN_ID"]! == (string)pinRow!["PIN_ID"]!), "SPEND_IN_MICRO_DOLLAR"), (long)pinRow!["SPEND_IN_MICRO_DOLLAR"]!);
        Assert.Equal((long)campaignRow["IMPRESSION_1"]!, Sum(pinRows, "IMPRESSION_1"));

        var expected = await _f.ExpectedRowsAsync(new { ad_account_id = _f.AccountId, level = "PIN", ids = pins, campaign_ids = new[] { (string)campaign["id"]! }, start_date = "2026-01-01", end_date = "2026-01-14", granularity = "TOTAL", columns = columns.Split(',') });
        Assert.Equal(expected.ToJsonString(), pinRows.ToJsonString());
    }

    [Fact]
    public async Task PinAnalyticsNeedsOneCampaignAndAtMostAHundredPins()
    {
        var (status, body) = await _f.SendAsync(HttpMethod.Get, $"{Base}/pins/analytics?pin_ids=1&{Window}&granularity=TOTAL&columns=SPEND_IN_DOLLAR");
        Assert.Equal(400, status);
        Assert.Contains("campaign_id", (string)body!["message"]!);
        var many = string.Join("&", Enumerable.Range(1, 101).Select(i => "pin_ids=" + i));
        (status, body) = await _f.SendAsync(HttpMethod.Get, $"{Base}/pins/analytics?campaign_id=1&{many}&{Window}&granularity=TOTAL&columns=SPEND_IN_DOLLAR");
        Assert.Equal(400, status);
        Assert.Contains("pin_ids", (string)body!["message"]!);
    }

    [Fact]
    public async Task KeywordReportRowsAreTheKeywordsShareAndAddUpToTheirAdGroup()
    {
        const string columns = "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1";
        var adGroup = (string)_f.AdGroups().First()["id"]!;
        var json = JsonNode.Parse(await _f.DownloadReportAsync(new { start_date = "2026-01-01", end_date = "2026-01-14", granularity = "TOTAL", level = "KEYWORD", columns = columns.Split(','), ad_group_ids = new[] { adGroup } }))!.AsObject();
        var rows = json.SelectMany(p => p.Value!.AsArray()).ToArray();
        var keywords = (await AllKeywordsAsync($"ad_group_id={adGroup}")).Where(k => !((string)k["match_type"]!).EndsWith("_NEGATIVE")).ToArray();
        // Rows are keyed by KEYWORD_ID: the ad group's positive keywords (negative ones exclude searches and never deliver).
        Assert.Equal(keywords.Select(k => (string)k["id"]!).Order(), rows.Select(r => (string)r!["KEYWORD_ID"]!).Order());
        var adGroupRow = (await _f.GetJsonAsync($"{Base}/ad_groups/analytics?ad_group_ids={adGroup}&{Window}&granularity=TOTAL&columns={columns}")).AsArray().Single()!;
        Assert.Equal((long)adGroupRow["SPEND_IN_MICRO_DOLLAR"]!, Sum(rows, "SPEND_IN_MICRO_DOLLAR"));

        // KEYWORD targeting of the ad group names the same keywords, by text, with the same numbers.
        var targeting = (await _f.GetJsonAsync($"{Base}/ad_groups/targeting_analytics?ad_group_ids={adGroup}&targeting_types=KEYWORD&{Window}&granularity=TOTAL&columns={columns}"))["data"]!.AsArray();
        foreach (var keyword in keywords)
        {
            var row = rows.Single(r => (string)r!["KEYWORD_ID"]! == (string)keyword["id"]!)!;
            var byText = targeting.Single(t => (string)t!["targeting_value"]! == (string)keyword["value"]!)!;
            Assert.Equal((long)row["IMPRESSION_1"]!, (long)byText["metrics"]!["IMPRESSION_1"]!);
        }
    }

    [Fact]
    public async Task ProductItemRowsAddUpToTheirProductGroupAndAcceptAccountAndAdGroupColumns()
    {
        var productGroup = (string)_f.AdGroups().First()["productGroups"]![0]!["id"]!;
        string[] columns = { "AD_ACCOUNT_ID", "AD_GROUP_ID", "AD_GROUP_NAME", "PRODUCT_ITEM_NAME", "SPEND_IN_MICRO_DOLLAR" };
        var json = JsonNode.Parse(await _f.DownloadReportAsync(new { start_date = "2026-01-01", end_date = "2026-01-14", granularity = "TOTAL", level = "PRODUCT_ITEM", columns, product_group_ids = new[] { productGroup } }))!.AsObject();
        var rows = json.SelectMany(p => p.Value!.AsArray()).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal(_f.AccountId, (string)r!["AD_ACCOUNT_ID"]!));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty((string?)r!["PRODUCT_ITEM_NAME"])));
        var groupRow = (await _f.GetJsonAsync($"{Base}/product_groups/analytics?product_group_ids={productGroup}&{Window}&granularity=TOTAL&columns=SPEND_IN_MICRO_DOLLAR")).AsArray().Single()!;
        Assert.Equal((long)groupRow["SPEND_IN_MICRO_DOLLAR"]!, Sum(rows, "SPEND_IN_MICRO_DOLLAR"));
    }

    [OpenApiTheory]
    [InlineData("AD_ID")]
    [InlineData("AD_NAME")]
    [InlineData("PIN_PROMOTION_NAME")]
    public async Task ProductItemReportsRefuseAdAndPinPromotionColumns(string column)
    {
        // "Pin promotion and ad related columns are not supported for the Product Item level reports."
        Assert.Contains("Product Item", (string)Schema("AdsAnalyticsCreateAsyncRequest")["allOf"]!.AsArray().Select(p => p!["properties"]?["columns"]?["description"]).First(d => d is not null)!);
        var (status, body) = await _f.SendAsync(HttpMethod.Post, $"{Base}/reports",
            new { start_date = "2026-01-01", end_date = "2026-01-14", granularity = "TOTAL", level = "PRODUCT_ITEM", columns = new[] { column, "SPEND_IN_DOLLAR" } });
        Assert.Equal(400, status);
        Assert.Contains(column, (string)body!["message"]!);
    }

    [Theory]
    [InlineData("2025-10-14", "2025-10-20", "92 days back")]
    [InlineData("2025-12-01", "2026-01-05", "31 days")]
    public async Task ProductItemReportsHaveTheirOwnWindow(string start, string end, string limit)
    {
        var (status, body) = await _f.SendAsync(HttpMethod.Post, $"{Base}/reports",
            new { start_date = start, end_date = end, granularity = "DAY", level = "PRODUCT_ITEM", columns = new[] { "SPEND_IN_DOLLAR" } });
        Assert.Equal(400, status);
        Assert.Contains(limit.Split(' ')[0], (string)body!["message"]!);
    }
}
