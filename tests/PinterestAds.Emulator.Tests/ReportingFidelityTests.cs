using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// Behaviour the description documents and the emulator once ignored: the targeting options' shape,
/// every value of a metrics filter, attribution types and combined targeting types.
/// </summary>
public sealed class ReportingFidelityTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ReportingFidelityTests(EmulatorFixture fixture) => _f = fixture;

    private string Base => $"ad_accounts/{_f.AccountId}";

    private static JsonNode Schema(string name) => OpenApiSchemas.Description!["components"]!["schemas"]![name]!;

    private async Task<JsonNode[]> ReportRowsAsync(object body) =>
        JsonNode.Parse(await _f.DownloadReportAsync(body))!.AsObject().SelectMany(p => p.Value!.AsArray()).Select(r => r!).ToArray();

    [OpenApiTheory]
    [InlineData("LOCATION")]
    [InlineData("GENDER")]
    [InlineData("APPTYPE")]
    [InlineData("INTEREST")]
    public async Task TargetingOptionsComeInTheDocumentedCodeToNameShape(string type)
    {
        // TargetingOptionResponse: an array of objects; its example maps codes to names ({"36313": "Australia: ..."}).
        var example = Schema("TargetingOptionResponse")["items"]!["example"]!.AsObject();
        Assert.All(example, p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value!.GetValueKind()));
        var answer = (await _f.GetJsonAsync($"resources/targeting/{type}")).AsArray();
        var map = Assert.Single(answer)!.AsObject();
        Assert.NotEmpty(map);
        Assert.All(map, p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value!.GetValueKind()));
        if (type == "LOCATION") Assert.Equal("U.S.: Portland-Auburn", (string)map["500"]!);
    }

    [Fact]
    public async Task GeoOptionsNestTheirRegionsInTheSameShape()
    {
        var geo = Assert.Single((await _f.GetJsonAsync("resources/targeting/GEO")).AsArray())!.AsObject();
        Assert.Equal("United States", (string)geo["US"]!["name"]!);
        Assert.Equal("California", (string)geo["US"]!["regions"]!["US-CA"]!);
    }

    [OpenApiFact]
    public async Task EveryValueOfAMetricsFilterIsApplied()
    {
        Assert.Equal("array", (string)Schema("AdsAnalyticsMetricsFilter")["properties"]!["values"]!["type"]!);
        object Body(double[] values) => new
        {
            start_date = "2026-01-01", end_date = "2026-01-14", granularity = "DAY", level = "CAMPAIGN", columns = new[] { "TOTAL_IMPRESSION" },
            metrics_filters = new[] { new { field = "TOTAL_IMPRESSION", @operator = "GREATER_THAN", values } },
        };
        var all = await ReportRowsAsync(Body(new[] { 0.0 }));
        var impressions = all.Select(r => (long)r["TOTAL_IMPRESSION"]!).Order().ToArray();
        double low = impressions[impressions.Length / 4], high = impressions[impressions.Length * 3 / 4];
        var both = await ReportRowsAsync(Body(new[] { low, high }));
        var onlyHigh = await ReportRowsAsync(Body(new[] { high }));
        // A row passes only when it is greater than every value, not just the first.
        Assert.Equal(onlyHigh.Length, both.Length);
        Assert.All(both, r => Assert.True((long)r["TOTAL_IMPRESSION"]! > high));
        Assert.True((await ReportRowsAsync(Body(new[] { low }))).Length > both.Length);
    }

    [OpenApiFact]
    public async Task HouseholdAttributionCreditsMoreConversionsAndNothingElse()
    {
        var types = Schema("ConversionReportAttributionType")["enum"]!.AsArray().Select(v => (string)v!).ToArray();
        Assert.Equal(new[] { "INDIVIDUAL", "HOUSEHOLD" }, types);
        var campaign = (string)_f.Campaigns().First()["id"]!;
        string Url(string? attribution) => $"{Base}/campaigns/targeting_analytics?campaign_ids={campaign}&targeting_types=GENDER&start_date=2026-01-01&end_date=2026-01-14&granularity=TOTAL&columns=TOTAL_CONVERSIONS,IMPRESSION_1"
            + (attribution is null ? "" : "&attribution_types=" + attribution);
        var none = (await _f.GetJsonAsync(Url(null)))["data"]!.AsArray();
        var individual = (await _f.GetJsonAsync(Url("INDIVIDUAL")))["data"]!.AsArray();
        var household = (await _f.GetJsonAsync(Url("HOUSEHOLD")))["data"]!.AsArray();
        long Total(JsonArray rows, string column) => rows.Sum(r => r!["metrics"]![column] is { } v ? (long)v : 0);
        Assert.Equal(Total(none, "TOTAL_CONVERSIONS"), Total(individual, "TOTAL_CONVERSIONS"));
        Assert.True(Total(household, "TOTAL_CONVERSIONS") > Total(individual, "TOTAL_CONVERSIONS"));
        Assert.Equal(Total(individual, "IMPRESSION_1"), Total(household, "IMPRESSION_1"));

        var report = await ReportRowsAsync(new { start_date = "2026-01-01", end_date = "2026-01-14", granularity = "TOTAL", level = "CAMPAIGN", columns = new[] { "TOTAL_CONVERSIONS" }, campaign_ids = new[] { campaign }, attribution_types = new[] { "HOUSEHOLD" } });
        Assert.Equal(Total(household, "TOTAL_CONVERSIONS"), (long)report.Single()["TOTAL_CONVERSIONS"]!);
    }

    [OpenApiFact]
    public async Task CombinedTargetingTypesGiveOneBreakdownOfJoinedValues()
    {
        // "... the response will have a targeting type of GENDER_AND_COUNTRY and targeting values such as female&US."
        var description = (string)Schema("AdsAnalyticsCreateAsyncRequest")["allOf"]!.AsArray()
            .Select(p => p!["properties"]?["combine_targeting_types"]?["description"]).First(d => d is not null)!;
        Assert.Contains("GENDER_AND_COUNTRY", description);
        var campaign = (string)_f.Campaigns().First()["id"]!;
        object Body(bool combine) => new
        {
            start_date = "2026-01-01", end_date = "2026-01-14", granularity = "TOTAL", level = "CAMPAIGN_TARGETING", columns = new[] { "IMPRESSION_1" },
            campaign_ids = new[] { campaign }, targeting_types = new[] { "GENDER", "COUNTRY" }, combine_targeting_types = combine,
        };
        var separate = await ReportRowsAsync(Body(false));
        var combined = await ReportRowsAsync(Body(true));
        Assert.All(combined, r => Assert.Equal("GENDER_AND_COUNTRY", (string)r["TARGETING_TYPE"]!));
        Assert.Contains(combined, r => (string)r["TARGETING_VALUE"]! == "female&US");
        // Each combined value's gender part adds up to that gender's row of the separate breakdown.
        foreach (var gender in separate.Where(r => (string)r["TARGETING_TYPE"]! == "GENDER"))
            Assert.Equal((long)gender["IMPRESSION_1"]!, combined.Where(r => ((string)r["TARGETING_VALUE"]!).StartsWith((string)gender["TARGETING_VALUE"]! + "&"))
                .Sum(r => (long)r["IMPRESSION_1"]!));
    }

    private async Task<JsonObject> BulkAsync(object body, bool includeDetails = false)
    {
        var (status, created) = await _f.SendAsync(HttpMethod.Post, $"{Base}/bulk/download", body);
        Assert.True(status == 200, created?.ToJsonString());
        var state = await _f.GetJsonAsync($"{Base}/bulk/{created!["request_id"]}{(includeDetails ? "?include_details=true" : "")}");
        Assert.Equal("SUCCEEDED", (string)state["status"]!);
        if (includeDetails) return state.AsObject();
        return JsonNode.Parse(await _f.Anonymous.GetStringAsync((string)state["result_url"]!))!.AsObject();
    }

    [OpenApiFact]
    public async Task BulkDownloadsHonourUpdatedSinceAndTheCampaignSchedule()
    {
        var request = Schema("BulkDownloadRequest")["properties"]!;
        Assert.Contains("changed since", (string)request["updated_since"]!["description"]!);
        var all = await BulkAsync(new { entity_types = new[] { "CAMPAIGN", "AD" } });
        var ads = all["ads"]!.AsArray();
        Assert.True(ads.Count >= 2, $"{ads.Count} active ads");
        var times = ads.Select(a => (long)a!["updated_time"]!).Order().ToArray();
        var since = times[^1];
        Assert.True(times[0] < since, "the active ads were updated at different times");
        var recent = await BulkAsync(new { entity_types = new[] { "CAMPAIGN", "AD" }, updated_since = since.ToString() });
        Assert.Equal(times.Count(t => t >= since), recent["ads"]!.AsArray().Count);
        Assert.All(recent["ads"]!.AsArray(), a => Assert.True((long)a!["updated_time"]! >= since));
        Assert.Equal(all["campaigns"]!.AsArray().Count(c => (long)c!["updated_time"]! >= since), recent["campaigns"]!.AsArray().Count);

        var start = (long)all["campaigns"]![0]!["start_time"]!;
        var before = await BulkAsync(new { entity_types = new[] { "CAMPAIGN" }, campaign_filter = new { start_time = (start - 10).ToString(), end_time = (start + 10).ToString() } });
        Assert.Equal(all["campaigns"]!.AsArray().Count, before["campaigns"]!.AsArray().Count);
        var later = await BulkAsync(new { entity_types = new[] { "CAMPAIGN", "AD" }, campaign_filter = new { start_time = (start + 10).ToString() } });
        Assert.Empty(later["campaigns"]!.AsArray());
        Assert.Empty(later["ads"]!.AsArray());
    }

    [OpenApiFact]
    public async Task BulkStatusAttachesDetailsOnlyWhenAskedAndKeywordsAreDownloaded()
    {
        var includeDetails = OpenApiSchemas.Description!["components"]!["parameters"]!["include_details"]!;
        Assert.Equal("boolean", (string)includeDetails["schema"]!["type"]!);
        var (_, created) = await _f.SendAsync(HttpMethod.Post, $"{Base}/bulk/download", new { entity_types = new[] { "CAMPAIGN", "KEYWORD" } });
        var plain = await _f.GetJsonAsync($"{Base}/bulk/{created!["request_id"]}");
        Assert.Null(plain["details"]);
        var detailed = await _f.GetJsonAsync($"{Base}/bulk/{created["request_id"]}?include_details=true");
        var details = detailed["details"]!.AsArray();
        Assert.Equal(new[] { "CAMPAIGN", "KEYWORD" }, details.Select(d => (string)d!["entity_type"]!));
        var file = JsonNode.Parse(await _f.Anonymous.GetStringAsync((string)detailed["result_url"]!))!;
        Assert.Equal((int)details[1]!["count"]!, file["keywords"]!.AsArray().Count);
        Assert.NotEmpty(file["keywords"]!.AsArray());
        Assert.All(file["keywords"]!.AsArray(), k => Assert.False((bool)k!["archived"]!));
    }
}
