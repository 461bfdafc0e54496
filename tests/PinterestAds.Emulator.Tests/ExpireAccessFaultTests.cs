using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// The expire-access fault: the access tokens expire while the matching call is handled, so a test can have a
/// token expire mid-run at a known request instead of after a wall-clock delay. Its own emulator: it expires tokens.
/// </summary>
public sealed class ExpireAccessFaultTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ExpireAccessFaultTests(EmulatorFixture fixture) => _f = fixture;

    // Refresh tokens rotate: each refresh answers the next one to use.
    private async Task<(string Access, string Refresh)> RefreshAsync(string refreshToken)
    {
        using var client = _f.NewClient(null);
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("1234567890:emulator-client-secret")));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["access_token"]!, (string)body["refresh_token"]!);
    }

    [Fact]
    public async Task The_matching_call_is_answered_and_every_later_call_with_the_expired_token_meets_401()
    {
        var (access, refresh) = await RefreshAsync("emulator-refresh-token");
        var client = _f.NewClient(access);
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: client)).Status);
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "expire-access", target = "ad_accounts/list", count = 1 });

        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: client)).Status);
        var (status, body) = await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: client);
        Assert.Equal(401, status);
        Assert.Equal(2, (int)body!["code"]!);
        // It fired once: a refreshed token works again.
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, "ad_accounts", client: _f.NewClient((await RefreshAsync(refresh)).Access))).Status);
    }

    [Fact]
    public async Task An_unknown_fault_kind_names_expire_access_among_the_kinds()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _f.Server.AdminUri + "/faults")
        {
            Content = new StringContent("{\"kind\":\"nope\"}", Encoding.UTF8, "application/json"),
        };
        using var response = await _f.Anonymous.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("expire-access", await response.Content.ReadAsStringAsync());
    }
}
