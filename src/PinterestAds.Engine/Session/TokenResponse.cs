using System;
using System.Text.Json;

namespace PinterestAds.Engine.Session
{
    /// <summary>The answer of <c>POST /oauth/token</c>.</summary>
    internal sealed class TokenResponse
    {
        public string AccessToken { get; private set; } = "";
        public DateTimeOffset? AccessTokenExpiresAt { get; private set; }
        public string? RefreshToken { get; private set; }
        public DateTimeOffset? RefreshTokenExpiresAt { get; private set; }
        public string? Scope { get; private set; }

        public static TokenResponse Parse(JsonElement json, DateTimeOffset now)
        {
            var response = new TokenResponse
            {
                AccessToken = json.TryGetProperty("access_token", out var at) ? at.GetString() ?? "" : "",
                Scope = json.TryGetProperty("scope", out var scope) ? scope.GetString() : null,
                RefreshToken = json.TryGetProperty("refresh_token", out var rt) ? rt.GetString() : null,
            };
            if (json.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt64(out long seconds))
                response.AccessTokenExpiresAt = now.AddSeconds(seconds);
            if (json.TryGetProperty("refresh_token_expires_at", out var rtAt) && rtAt.TryGetInt64(out long epoch))
                response.RefreshTokenExpiresAt = DateTimeOffset.FromUnixTimeSeconds(epoch);
            else if (json.TryGetProperty("refresh_token_expires_in", out var rtIn) && rtIn.TryGetInt64(out long rtSeconds))
                response.RefreshTokenExpiresAt = now.AddSeconds(rtSeconds);
            return response;
        }
    }
}
