using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PinterestAds.Emulator;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Session;
using Xunit;

namespace PinterestAds.Engine.Tests.Analytics;

/// <summary>The engine against the in-process emulator: rows equal the emulator's ground truth, requests are counted.</summary>
public sealed class AnalyticsEmulatorTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private PinterestSession _session = null!;
    private readonly HttpClient _admin = new();
    private JsonElement _world;
    private string _today = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(new EmulatorOptions { CampaignsPerAccount = 6, AdGroupsPerCampaign = 2, AdsPerAdGroup = 2, ActivityRate = 0.6 });
        _session = new PinterestSession(new SessionOptions { ApiBaseUri = _emulator.ApiBaseUri, Environment = PinEnvironment.Custom },
            new SessionCredentials { AccessToken = "emulator-access-token" });
        _world = await _admin.GetFromJsonAsync<JsonElement>(Admin("world"));
        _today = _world.GetProperty("today").GetString()!;
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        _admin.Dispose();
        await _emulator.DisposeAsync();
    }

    private string Admin(string path) => _emulator.AdminUri.ToString().TrimEnd('/') + "/" + path;

    private JsonElement Account => _world.GetProperty("adAccounts").EnumerateArray().First(a => a.GetProperty("access").GetString() != "FORBIDDEN" && a.GetProperty("campaigns").GetArrayLength() > 0);

    private DateTime Today => DateTime.ParseExact(_today, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<AnalyticsRow>> RunAsync(AnalyticsQuery query, RecordingLog? log = null, List<Exception>? failures = null)
    {
        log ??= new RecordingLog();
        var resources = new SessionAnalyticsResources(_session);
        var plan = await AnalyticsRunner.PlanAsync(query, resources, log, CancellationToken.None);
        var rows = new List<AnalyticsRow>();
        await AnalyticsRunner.RunAsync(_session.Api, plan, resources, rows.Add, (e, _) => { if (failures == null) throw new InvalidOperationException("call failed: " + e, e); failures.Add(e); }, log, CancellationToken.None);
        return rows;
    }

    private async Task<List<JsonElement>> ExpectedAsync(object query)
    {
        var response = await _admin.PostAsJsonAsync(Admin("expected-rows"), query);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private async Task<List<JsonElement>> RequestsAsync(string pathPart) =>
        (await _admin.GetFromJsonAsync<JsonElement>(Admin("requests"))).EnumerateArray()
            .Where(r => Field(r, "path").Contains(pathPart, StringComparison.Ordinal)).ToList();

    /// <summary>A journal field whatever the casing of its name.</summary>
    private static string Field(JsonElement entry, string name) =>
        entry.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.ToString();

    private static string Key(params object?[] parts) => string.Join("|", parts.Select(p => p switch
    {
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(p, CultureInfo.InvariantCulture),
    }));

    private static object? Prop(object row, string name) => row.GetType().GetProperty(name)?.GetValue(row);

    private static decimal? Number(JsonElement row, string column) =>
        row.TryGetProperty(column, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    [Fact]
    public async Task Campaign_day_rows_equal_the_ground_truth_with_a_stable_column_set()
    {
        var campaigns = Account.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "TOTAL_CONVERSIONS", "CTR" };
        var query = new AnalyticsQuery
        {
            AdAccountId = Account.GetProperty("id").GetString()!, Level = AnalyticsLevel.Campaign, Ids = campaigns,
            StartDate = Today.AddDays(-20), EndDate = Today.AddDays(-5), Granularity = Granularity.Day, Columns = columns,
        };
        var rows = await RunAsync(query);
        var expected = await ExpectedAsync(new
        {
            ad_account_id = query.AdAccountId, level = "CAMPAIGN", ids = campaigns, start_date = ApiDates.Format(query.StartDate),
            end_date = ApiDates.Format(query.EndDate), granularity = "DAY", columns,
        });

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Single(rows.Select(r => r.GetType()).Distinct());
        var byKey = rows.ToDictionary(r => Key(Prop(r, "CAMPAIGN_ID"), Prop(r, "DATE")));
        int nulls = 0;
        foreach (var want in expected)
        {
            var got = byKey[Key(want.GetProperty("CAMPAIGN_ID").GetString(), want.GetProperty("DATE").GetString())];
            foreach (var column in columns)
            {
                var value = Prop(got, column);
                var truth = Number(want, column);
                if (truth == null) { Assert.Null(value); nulls++; }
                else Assert.Equal(truth.Value, Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            }
        }
        Assert.True(nulls > 0, "the emulator's rows should be sparse somewhere");
    }

    [Fact]
    public async Task Six_hundred_ids_over_ninety_one_days_take_one_request_per_chunk()
    {
        var accountId = Account.GetProperty("id").GetString()!;
        var real = Account.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        // Unknown ids are valid ids the emulator reports nothing for; they make the chunking visible.
        var ids = real.Concat(Enumerable.Range(0, 600 - real.Count).Select(i => (900000000000L + i).ToString())).ToList();
        await _admin.DeleteAsync(Admin("requests"));
        var rows = await RunAsync(new AnalyticsQuery
        {
            AdAccountId = accountId, Level = AnalyticsLevel.Campaign, Ids = ids, StartDate = Today.AddDays(-90), EndDate = Today,
            Granularity = Granularity.Day, Columns = new[] { "IMPRESSION_1" }, ThrottleLimit = 4, SkipFreshnessCheck = true,
        });

        var requests = await RequestsAsync("/campaigns/analytics");
        // end_date <= start_date + 90: the 91 days are one span, so the requests are the 3 id chunks.
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(Field(r, "queryString").Split("campaign_ids=").Length - 1 <= 250));
        var dates = rows.Select(r => (DateTime)Prop(r, "DATE")!).ToList();
        Assert.Equal(Today, dates.Max());
        Assert.Equal(Today.AddDays(-90), dates.Min());
    }

    [Fact]
    public async Task Location_targeting_rows_carry_names_from_the_targeting_options()
    {
        var accountId = Account.GetProperty("id").GetString()!;
        var rows = await RunAsync(new AnalyticsQuery
        {
            AdAccountId = accountId, Level = AnalyticsLevel.AdAccount, Targeting = true,
            TargetingTypes = new[] { AnalyticsTargetingType.Location, AnalyticsTargetingType.Gender },
            StartDate = Today.AddDays(-10), EndDate = Today.AddDays(-3), Granularity = Granularity.Total,
            Columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1" },
        });
        var expected = await ExpectedAsync(new
        {
            ad_account_id = accountId, level = "ADVERTISER_TARGETING", start_date = ApiDates.Format(Today.AddDays(-10)),
            end_date = ApiDates.Format(Today.AddDays(-3)), granularity = "TOTAL", columns = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1" },
            targeting_types = new[] { "LOCATION", "GENDER" },
        });
        Assert.Equal(expected.Count, rows.Count);
        var locations = rows.Where(r => (string?)Prop(r, "TargetingType") == "LOCATION").ToList();
        Assert.NotEmpty(locations);
        Assert.All(locations, r => Assert.False(string.IsNullOrEmpty((string?)Prop(r, "TargetingName")), $"no name for {Prop(r, "TargetingValue")}"));
        var portland = locations.FirstOrDefault(r => (string?)Prop(r, "TargetingValue") == "500");
        if (portland != null) Assert.Equal("U.S.: Portland-Auburn", Prop(portland, "TargetingName"));
        // Names come from one targeting-options fetch per type, not one per row.
        Assert.Single(await RequestsAsync("/resources/targeting/LOCATION"));
    }

    [Fact]
    public async Task An_unknown_column_fails_before_any_request()
    {
        await _admin.DeleteAsync(Admin("requests"));
        var error = await Assert.ThrowsAsync<PinterestValidationException>(() => RunAsync(new AnalyticsQuery
        {
            AdAccountId = Account.GetProperty("id").GetString()!, Level = AnalyticsLevel.AdAccount,
            StartDate = Today.AddDays(-3), EndDate = Today, Columns = new[] { "SPEND_IN_DOLARS" },
        }));
        Assert.Equal("UnknownColumn", error.ErrorId);
        Assert.Empty(await RequestsAsync("/v5/"));
    }

    [Fact]
    public async Task Recent_dates_warn_or_fail_with_require_final_metrics()
    {
        var query = new AnalyticsQuery
        {
            AdAccountId = Account.GetProperty("id").GetString()!, Level = AnalyticsLevel.AdAccount,
            StartDate = Today.AddDays(-5), EndDate = Today, Granularity = Granularity.Day, Columns = new[] { "SPEND_IN_DOLLAR" },
        };
        var log = new RecordingLog();
        await RunAsync(query, log);
        Assert.Contains(log.Warnings, w => w.Contains("not final") && w.Contains(_today));

        query.RequireFinalMetrics = true;
        var error = await Assert.ThrowsAsync<PinterestException>(() => RunAsync(query));
        Assert.Equal("MetricsNotFinal", error.ErrorId);

        query.EndDate = Today.AddDays(-ApiLimits.MetricsSettleDays - 1);
        var quiet = new RecordingLog();
        await RunAsync(query, quiet);
        Assert.DoesNotContain(quiet.Warnings, w => w.Contains("not final"));
    }
}
