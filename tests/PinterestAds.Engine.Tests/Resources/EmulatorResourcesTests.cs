using System.Net.Http.Json;
using System.Text.Json;
using PinterestAds.Emulator;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Audience;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Resources;
using PinterestAds.Engine.Session;
using Xunit;

namespace PinterestAds.Engine.Tests.Resources;

/// <summary>The resource catalogues against the real emulator, in-process: shapes the description allows, as a server sends them.</summary>
public sealed class EmulatorResourcesTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private PinterestSession _session = null!;
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(new EmulatorOptions { AdAccounts = 1, CampaignsPerAccount = 1, AdGroupsPerCampaign = 1, AdsPerAdGroup = 1 });
        _session = new PinterestSession(
            new SessionOptions { ApiBaseUri = _emulator.ApiBaseUri, Environment = PinEnvironment.Custom },
            new SessionCredentials { AccessToken = "emulator-access-token" });
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        _admin.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<List<string>> ApiPathsAsync()
    {
        // The emulator journals a request before its response starts: one read holds every request answered.
        var entries = await _admin.GetFromJsonAsync<JsonElement>(new Uri(_emulator.AdminUri + "/requests"));
        return entries.EnumerateArray()
            .Where(e => Field(e, "host") == "api")
            .Select(e => Field(e, "path") + Field(e, "queryString"))
            .ToList();
    }

    /// <summary>A journal field, whatever the casing of the admin API's property names.</summary>
    private static string? Field(JsonElement entry, string name) =>
        entry.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private async Task<string> FirstAccountAsync()
    {
        var world = await _admin.GetFromJsonAsync<JsonElement>(new Uri(_emulator.AdminUri + "/world"));
        return world.GetProperty("adAccounts").EnumerateArray().First(a => a.GetProperty("access").GetString() != "FORBIDDEN").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Metric_catalogue_names_clickthrough_2_and_is_fetched_once()
    {
        for (int i = 0; i < 5; i++)
        {
            var definitions = await MetricCatalog.GetAsync(_session, MetricReportType.Sync, NullPinLog.Instance, default);
            var clicks = definitions.Single(d => d.Name == "CLICKTHROUGH_2");
            Assert.Equal("Earned Pin clicks", clicks.DisplayName);
            Assert.NotNull(clicks.Category);
            Assert.Equal(MetricCategory.Ads, definitions.Single(d => d.Name == "SPEND_IN_DOLLAR").Category);
            Assert.All(definitions, d => Assert.False(string.IsNullOrEmpty(d.Definition)));
        }
        Assert.Single(await ApiPathsAsync(), p => p.StartsWith("/v5/resources/delivery_metrics"));
    }

    [Fact]
    public async Task Every_targeting_type_has_options_and_location_500_is_portland()
    {
        foreach (var type in TargetingOptionCatalog.OptionTypes)
        {
            var options = await TargetingOptionCatalog.GetAsync(_session, type, null, NullPinLog.Instance, default);
            Assert.True(options.Count > 0, $"{type} has no options");
            Assert.All(options, o => Assert.False(string.IsNullOrEmpty(o.Id)));
        }
        Assert.Equal("U.S.: Portland-Auburn", await TargetingOptionCatalog.ResolveNameAsync(_session, "LOCATION", "500", null, NullPinLog.Instance, default));

        var geo = await TargetingOptionCatalog.GetAsync(_session, "GEO", null, NullPinLog.Instance, default);
        var regions = geo.Where(o => o.Depth > 0).ToList();
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.Equal(r.Country, r.ParentId));
        Assert.All(regions, r => Assert.Equal(geo.Single(c => c.Id == r.Country).Name, r.ParentRegion));
    }

    [Fact]
    public async Task Ready_state_follows_the_settling_days_relative_to_today()
    {
        // Both the emulator and the module take "today" from the UTC clock.
        var today = ApiDates.Today(TimeProvider.System);
        var states = await MetricsReadiness.GetAsync(_session, new[] { today, today.AddDays(-1), today.AddDays(-5) }, NullPinLog.Instance, default);
        Assert.Equal(3, states.Count);
        Assert.Equal(new[] { today.AddDays(-5), today.AddDays(-1), today }, states.Select(s => s.Date));
        // Conversions settle two days, everything else one day (the emulator's rule).
        Assert.Equal(new bool?[] { true, false, false }, states.Select(s => s.ConversionMetricsReady));
        Assert.Equal(new bool?[] { true, true, false }, states.Select(s => s.NonConversionMetricsReady));
        Assert.Equal(3, (await ApiPathsAsync()).Count(p => p.StartsWith("/v5/resources/metrics_ready_state?date=")));
    }

    [Fact]
    public async Task Audience_insights_for_each_type_and_definitions()
    {
        string account = await FirstAccountAsync();
        var types = Enum.GetValues<AudienceInsightType>();
        var insights = await AudienceInsights.GetAsync(_session, account, types, NullPinLog.Instance, default);
        Assert.Equal(types, insights.Select(i => i.Type));
        foreach (var insight in insights)
        {
            Assert.True(insight.Size > 0);
            Assert.NotEmpty(insight.Categories);
            Assert.Equal(1m, insight.Demographics.Ages.Sum(a => a.Ratio ?? 0), 3);
            Assert.Equal(1m, insight.Demographics.Genders.Sum(a => a.Ratio ?? 0), 3);
            int expectedRows = insight.Categories.Sum(c => 1 + c.Subcategories.Count)
                + insight.Demographics.Ages.Count + insight.Demographics.Genders.Count + insight.Demographics.Devices.Count
                + insight.Demographics.Metros.Count + insight.Demographics.Countries.Count;
            Assert.Equal(expectedRows, insight.ToRows().Count());
        }
        var definitions = await AudienceInsights.GetDefinitionsAsync(_session, account, NullPinLog.Instance, default);
        Assert.NotEmpty(definitions);
        Assert.All(definitions, d => Assert.False(string.IsNullOrEmpty(d.Type)));
    }
}
