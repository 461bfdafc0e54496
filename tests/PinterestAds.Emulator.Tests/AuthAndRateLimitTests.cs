using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

public sealed class AuthAndRateLimitTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public AuthAndRateLimitTests(EmulatorFixture fixture) => _f = fixture;

    private async Task<(int Status, JsonNode? Body)> TokenAsync(Dictionary<string, string> form, string secret = "emulator-client-secret")
    {
        using var client = _f.NewClient(null);
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("1234567890:" + secret)));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MissingOrUnknownTokenIs401Code2()
    {
        foreach (var client in new[] { _f.NewClient(null), _f.NewClient("wrong") })
        {
            var (status, body) = await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: client);
            Assert.Equal(401, status);
            Assert.Equal(2, (int)body!["code"]!);
            Assert.Equal("Authentication failed.", (string)body["message"]!);
        }
    }

    [Fact]
    public async Task RefreshRotatesAndExpiryForcesRefresh()
    {
        // A refresh of its own (the fixture's default refresh token is used once, here).
        var (status, first) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "emulator-refresh-token" });
        Assert.Equal(200, status);
        Assert.Equal("bearer", (string)first!["token_type"]!);
        var access = (string)first["access_token"]!;
        var rotated = (string)first["refresh_token"]!;
        Assert.True((long)first["refresh_token_expires_in"]! > 0);
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: _f.NewClient(access))).Status);

        // The old refresh token no longer works; the new one does.
        Assert.Equal(400, (await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "emulator-refresh-token" })).Status);
        var (status2, second) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = rotated });
        Assert.Equal(200, status2);

        // Wrong client secret.
        Assert.Equal(401, (await TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "ads:read" }, "nope")).Status);

        // Expire every access token: calls fail with 401 until a refresh.
        await _f.AdminAsync(HttpMethod.Post, "/tokens/expire-access");
        Assert.Equal(401, (await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: _f.NewClient(access))).Status);
        var (status3, third) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)second!["refresh_token"]! });
        Assert.Equal(200, status3);
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: _f.NewClient((string)third!["access_token"]!))).Status);

        // Revocation: refresh tokens stop working.
        await _f.AdminAsync(HttpMethod.Post, "/tokens/revoke-refresh");
        Assert.Equal(400, (await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)third["refresh_token"]! })).Status);
    }

    [Fact]
    public async Task ConsentRedirectGivesACodeThatBuysATokenOnce()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var root = _f.Server.ApiBaseUri.ToString()[..^2];
        var redirect = "http://127.0.0.1:9/callback";
        using var response = await http.GetAsync($"{root}oauth/?client_id=1234567890&redirect_uri={Uri.EscapeDataString(redirect)}&response_type=code&scope=ads:read&state=xyz");
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirect + "?code=", location);
        Assert.EndsWith("&state=xyz", location);
        var code = Uri.UnescapeDataString(location.Split("code=")[1].Split('&')[0]);
        Assert.Equal(200, (await TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect })).Status);
        Assert.Equal(400, (await TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect })).Status);
        using var external = await http.GetAsync($"{root}oauth/?client_id=1234567890&redirect_uri={Uri.EscapeDataString("https://evil.example.com/cb")}&response_type=code");
        Assert.Equal(400, (int)external.StatusCode);
    }
}

public sealed class RateLimitTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public RateLimitTests(EmulatorFixture fixture) => _f = fixture;

    [Fact]
    public async Task ExceedingTheCategoryBudgetGives429WithResetHeaders()
    {
        await _f.AdminAsync(HttpMethod.Patch, "/options", new { readRequestsPerMinute = 3 });
        for (var i = 0; i < 3; i++)
            Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts")).Status);
        using var response = await _f.Api.GetAsync("ad_accounts");
        Assert.Equal(429, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(8, (int)body["code"]!);
        Assert.True(int.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single()) is > 0 and <= 60);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("ads_read", response.Headers.GetValues("x-ratelimit-category").Single());
        // Another category still has budget.
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "resources/metrics_ready_state?date=2026-01-10")).Status);
        await _f.AdminAsync(HttpMethod.Patch, "/options", new { readRequestsPerMinute = 1000 });
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts")).Status);
    }
}
