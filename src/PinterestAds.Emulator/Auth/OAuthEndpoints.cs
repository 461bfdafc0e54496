using System.Text;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Traffic;

namespace PinterestAds.Emulator.Auth;

/// <summary>POST /v5/oauth/token (three grants, HTTP Basic client auth) and a consent-page stand-in at GET /oauth/.</summary>
internal static class OAuthEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapOperation(state, "oauth/token", async c =>
        {
            var options = c.State.Options;
            if (!ClientAuthenticated(c.Http.Request.Headers.Authorization.ToString(), options))
                throw new ApiException(401, ApiException.AuthenticationFailed, "Authentication failed: client_id/client_secret (HTTP Basic) are missing or wrong.");
            if (!c.Http.Request.HasFormContentType)
                throw ApiException.BadRequest("The token request must be a form (Content-Type: application/x-www-form-urlencoded).");
            var form = await c.Http.Request.ReadFormAsync(c.Http.RequestAborted);
            c.Http.Items[JournalEntry.TokenRequestItem] = JournalEntry.TokenRequestFields
                .Where(f => form.ContainsKey(f)).ToDictionary(f => f, f => form[f].ToString());
            var grant = form["grant_type"].ToString();
            var spec = ApiCatalog.Instance.Body("OauthAccessTokenRequest");
            if (string.IsNullOrEmpty(grant)) throw ApiException.BadRequest("Missing required field 'grant_type'.");
            ParameterValidator.CheckString("grant_type", spec.Properties["grant_type"], grant, "field");

            string scope = form["scope"].ToString() is { Length: > 0 } s ? s : "ads:read,user_accounts:read";
            TokenRegistry.Issued issued;
            switch (grant)
            {
                case "authorization_code":
                    var code = form["code"].ToString();
                    var redirect = form["redirect_uri"].ToString();
                    if (code.Length == 0 || redirect.Length == 0) throw ApiException.BadRequest("Grant authorization_code needs 'code' and 'redirect_uri'.");
                    if (!c.State.Tokens.TryConsumeCode(code, redirect))
                        throw ApiException.BadRequest("Invalid 'code': unknown, already used, expired, or issued for another redirect_uri.");
                    issued = c.State.Tokens.IssueAccess(withRefresh: true);
                    break;
                case "refresh_token":
                    var refresh = form["refresh_token"].ToString();
                    if (refresh.Length == 0) throw ApiException.BadRequest("Grant refresh_token needs 'refresh_token'.");
                    if (!c.State.Tokens.TryConsumeRefresh(refresh))
                        throw ApiException.BadRequest("Invalid 'refresh_token': unknown, revoked, already used (refresh tokens rotate) or expired.");
                    issued = c.State.Tokens.IssueAccess(withRefresh: true);
                    break;
                default: // client_credentials: the description requires 'scope'; the token is the app's, without a refresh token
                    if (form["scope"].ToString().Length == 0) throw ApiException.BadRequest("Grant client_credentials needs 'scope' (e.g. ads:read).");
                    issued = c.State.Tokens.IssueAccess(withRefresh: false, appToken: true);
                    break;
            }
            var response = new Dictionary<string, object?>
            {
                ["access_token"] = issued.AccessToken,
                ["token_type"] = "bearer",
                ["expires_in"] = issued.ExpiresIn,
                ["scope"] = scope,
                ["response_type"] = grant,
            };
            if (issued.RefreshToken is not null)
            {
                response["refresh_token"] = issued.RefreshToken;
                response["refresh_token_expires_in"] = issued.RefreshExpiresIn;
                response["refresh_token_expires_at"] = issued.RefreshExpiresAt;
            }
            await c.JsonAsync(response);
        });

        // Consent page stand-in: immediately "approves" and redirects back with a code.
        app.MapGet("/oauth/", (HttpContext http) =>
        {
            var q = http.Request.Query;
            var redirect = q["redirect_uri"].ToString();
            if (q["client_id"].ToString() != state.Options.ClientId)
                return JsonOut.ErrorAsync(http, 400, ApiException.InvalidParameters, "Unknown client_id.");
            if (q["response_type"].ToString() != "code")
                return JsonOut.ErrorAsync(http, 400, ApiException.InvalidParameters, "response_type must be 'code'.");
            if (!Uri.TryCreate(redirect, UriKind.Absolute, out var uri) || !uri.IsLoopback || uri.Scheme is not ("http" or "https"))
                return JsonOut.ErrorAsync(http, 400, ApiException.InvalidParameters, "redirect_uri must be an http(s) loopback URI (127.0.0.1, [::1] or localhost).");
            var code = state.Tokens.IssueCode(redirect);
            var location = redirect + (redirect.Contains('?') ? "&" : "?") + "code=" + Uri.EscapeDataString(code);
            if (q["state"].ToString() is { Length: > 0 } st) location += "&state=" + Uri.EscapeDataString(st);
            http.Response.Redirect(location);
            return Task.CompletedTask;
        });
    }

    private static bool ClientAuthenticated(string header, EmulatorOptions options)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon > 0 && decoded[..colon] == options.ClientId && decoded[(colon + 1)..] == options.ClientSecret;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
