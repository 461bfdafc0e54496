using System.Net;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Session;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Session;

public class TokenRefreshTests
{
    private static SessionCredentials Refreshable(string access = "old-access", DateTimeOffset? expires = null) => new()
    {
        AccessToken = access,
        AccessTokenExpiresAt = expires,
        RefreshToken = "refresh-1",
        ClientId = "1234",
        ClientSecret = "client-secret-value",
    };

    private const string TokenAnswer = "{\"access_token\":\"new-access\",\"expires_in\":2592000,\"refresh_token\":\"refresh-2\",\"refresh_token_expires_in\":5184000,\"scope\":\"ads:read\",\"token_type\":\"bearer\"}";

    private static ApiRequest Accounts() => new ApiRequest("ad_accounts/list");

    [Fact]
    public async Task A_401_refreshes_once_and_repeats_the_request_with_the_new_token()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}")
            .Then(HttpStatusCode.OK, TokenAnswer)
            .Then(HttpStatusCode.OK, "{\"items\":[]}");
        using var session = TestSessions.Create(wire, Refreshable());
        await session.Api.SendAsync(Accounts(), NullPinLog.Instance, default);

        var requests = wire.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal("Bearer old-access", requests[0].Authorization);
        Assert.EndsWith("/oauth/token", requests[1].Uri.AbsolutePath);
        Assert.StartsWith("Basic ", requests[1].Authorization);
        Assert.Contains("grant_type=refresh_token", requests[1].Body);
        Assert.Contains("refresh_token=refresh-1", requests[1].Body);
        Assert.Equal("Bearer new-access", requests[2].Authorization);

        // The rotated refresh token is handed over once for the runbook to store, then no more.
        Assert.True(session.HasNewRefreshToken);
        Assert.Equal("refresh-2", SessionCredentials.Reveal(session.TakeRefreshToken()));
        Assert.Null(session.TakeRefreshToken());
        Assert.False(session.HasNewRefreshToken);
        Assert.Equal(1, session.Statistics.TokenRefreshes);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_the_call()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.OK, TokenAnswer).Then(HttpStatusCode.OK, "{\"items\":[]}");
        using var session = TestSessions.Create(wire, Refreshable(expires: DateTimeOffset.UtcNow.AddSeconds(30)));
        await session.Api.SendAsync(Accounts(), NullPinLog.Instance, default);
        var requests = wire.Requests.ToArray();
        Assert.EndsWith("/oauth/token", requests[0].Uri.AbsolutePath);
        Assert.Equal("Bearer new-access", requests[1].Authorization);
    }

    [Fact]
    public async Task Concurrent_rejections_share_one_refresh()
    {
        int refreshes = 0;
        var wire = new ScriptedHandler
        {
            Fallback = request =>
            {
                if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token"))
                {
                    Interlocked.Increment(ref refreshes);
                    Thread.Sleep(50);
                    return ScriptedHandler.Json(HttpStatusCode.OK, TokenAnswer);
                }
                return request.Headers.Authorization!.Parameter == "new-access"
                    ? ScriptedHandler.Json(HttpStatusCode.OK, "{\"items\":[]}")
                    : ScriptedHandler.Json(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}");
            },
        };
        using var session = TestSessions.Create(wire, Refreshable());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => session.Api.SendAsync(Accounts(), NullPinLog.Instance, default)));
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task A_revoked_refresh_token_gives_a_clear_authentication_error()
    {
        var wire = new ScriptedHandler()
            .Then(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}")
            .Then(HttpStatusCode.BadRequest, "{\"code\":1,\"message\":\"Invalid refresh token\"}");
        using var session = TestSessions.Create(wire, Refreshable());
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Accounts(), NullPinLog.Instance, default));
        Assert.Equal("RefreshTokenRejected", error.ErrorId);
        Assert.Equal(PinErrorKind.AuthenticationFailed, error.Kind);
        Assert.DoesNotContain("refresh-1", error.Message);
        Assert.DoesNotContain("client-secret-value", error.Message);
    }

    [Fact]
    public async Task Without_a_refresh_token_a_401_is_an_AuthenticationFailed_error()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}");
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => session.Api.SendAsync(Accounts(), NullPinLog.Instance, default));
        Assert.Equal("AuthenticationFailed", error.ErrorId);
        Assert.Equal(2, error.ApiCode);
    }

    [Fact]
    public async Task The_token_is_never_sent_to_another_host()
    {
        var wire = new ScriptedHandler();
        using var session = TestSessions.Create(wire);
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://evil.example.test/v5/ad_accounts");
        // The API client refuses; the download client never has the token.
        await Assert.ThrowsAsync<InvalidOperationException>(() => GetApiHttpClient(session).SendAsync(message));
        await session.DownloadClient.GetAsync("https://store.example.test/report.csv");
        Assert.All(wire.Requests, r => Assert.Null(r.Authorization));
    }

    private static HttpClient GetApiHttpClient(PinterestSession session) =>
        (HttpClient)typeof(PinterestApiClient).GetField("_http", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(session.Api)!;
}
