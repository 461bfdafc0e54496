using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// The world's ad accounts in more than one currency: a JPY account next to the USD ones, every currency one
/// the description's Currency enum names, and the JPY account's money in whole yen (micro-units that are
/// multiples of a million), so a client's micro-unit conversion meets a currency without minor units.
/// </summary>
public sealed class AccountCurrencyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public AccountCurrencyTests(EmulatorFixture fixture) => _f = fixture;

    private static string[] CurrencyEnum() =>
        OpenApiSchemas.Description!["components"]!["schemas"]!["Currency"]!["enum"]!.AsArray().Select(v => (string)v!).ToArray();

    private async Task<List<JsonNode>> AccountsAsync() =>
        (await _f.GetJsonAsync("ad_accounts?page_size=25"))["items"]!.AsArray().Select(a => a!).ToList();

    [OpenApiFact]
    public async Task AccountsAreInJpyAndUsdEachACurrencyOfTheDescription()
    {
        var accounts = await AccountsAsync();
        var currencies = accounts.Select(a => (string)a["currency"]!).ToList();
        Assert.Contains("JPY", currencies);
        Assert.True(currencies.Count(c => c == "USD") >= 2, "the USD accounts stay");
        Assert.All(currencies, c => Assert.Contains(c, CurrencyEnum()));
        var yen = accounts.First(a => (string)a["currency"]! == "JPY");
        var single = await _f.GetJsonAsync($"ad_accounts/{(string)yen["id"]!}");
        Assert.Equal("JPY", (string)single["currency"]!);
    }

    [OpenApiFact]
    public async Task TheJpyAccountsSpendIsWholeYenAndOtherAccountsKeepTheirMicroUnits()
    {
        var accounts = await AccountsAsync();
        async Task<long[]> DailySpend(JsonNode account)
        {
            var rows = (await _f.GetJsonAsync($"ad_accounts/{(string)account["id"]!}/analytics?start_date=2026-01-01&end_date=2026-01-14&columns=SPEND_IN_MICRO_DOLLAR&granularity=DAY")).AsArray();
            return rows.Where(r => r!["SPEND_IN_MICRO_DOLLAR"] is not null).Select(r => (long)r!["SPEND_IN_MICRO_DOLLAR"]!).ToArray();
        }
        var yen = await DailySpend(accounts.First(a => (string)a["currency"]! == "JPY"));
        Assert.NotEmpty(yen);
        Assert.All(yen, micro => Assert.Equal(0, micro % 1_000_000));
        var dollars = await DailySpend(accounts.First(a => (string)a["currency"]! == "USD"));
        Assert.NotEmpty(dollars);
        Assert.Contains(dollars, micro => micro % 1_000_000 != 0);
    }
}
