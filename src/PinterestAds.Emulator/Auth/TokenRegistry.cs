using System.Security.Cryptography;

namespace PinterestAds.Emulator.Auth;

/// <summary>
/// Access tokens, refresh tokens and authorization codes the emulator has issued, with their expiry.
/// Refresh tokens rotate: using one issues a new one and the old one stops working.
/// </summary>
internal sealed class TokenRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _refresh = new(StringComparer.Ordinal);
    // Access tokens of the client_credentials grant: the app's own, no user behind them.
    private readonly HashSet<string> _appTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string RedirectUri, DateTimeOffset Expires)> _codes = new(StringComparer.Ordinal);
    private readonly Func<EmulatorOptions> _options;
    private readonly TimeProvider _time;

    public TokenRegistry(Func<EmulatorOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        var o = options();
        var now = time.GetUtcNow();
        foreach (var token in o.AccessTokens) _access[token] = now.AddSeconds(o.AccessTokenLifetimeSeconds);
        if (!string.IsNullOrEmpty(o.RefreshToken)) _refresh[o.RefreshToken] = now.AddSeconds(o.RefreshTokenLifetimeSeconds);
    }

    public bool IsValidAccessToken(string token)
    {
        lock (_gate) return _access.TryGetValue(token, out var expires) && expires > _time.GetUtcNow();
    }

    /// <summary>The token came from the client_credentials grant (an app token).</summary>
    public bool IsAppToken(string token)
    {
        lock (_gate) return _appTokens.Contains(token);
    }

    public sealed record Issued(string AccessToken, long ExpiresIn, string? RefreshToken, long RefreshExpiresIn, long RefreshExpiresAt);

    public Issued IssueAccess(bool withRefresh, bool appToken = false)
    {
        var o = _options();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var access = "pina_" + NewSecret();
            _access[access] = now.AddSeconds(o.AccessTokenLifetimeSeconds);
            if (appToken) _appTokens.Add(access);
            string? refresh = null;
            if (withRefresh)
            {
                refresh = "pinr_" + NewSecret();
                _refresh[refresh] = now.AddSeconds(o.RefreshTokenLifetimeSeconds);
            }
            var refreshExpires = now.AddSeconds(o.RefreshTokenLifetimeSeconds);
            return new Issued(access, (long)o.AccessTokenLifetimeSeconds, refresh, (long)o.RefreshTokenLifetimeSeconds, refreshExpires.ToUnixTimeSeconds());
        }
    }

    /// <summary>Consumes a refresh token (rotation); false when unknown, revoked or expired.</summary>
    public bool TryConsumeRefresh(string token)
    {
        lock (_gate)
        {
            if (!_refresh.TryGetValue(token, out var expires)) return false;
            _refresh.Remove(token);
            return expires > _time.GetUtcNow();
        }
    }

    public string IssueCode(string redirectUri)
    {
        lock (_gate)
        {
            var code = NewSecret();
            _codes[code] = (redirectUri, _time.GetUtcNow().AddMinutes(10));
            return code;
        }
    }

    public bool TryConsumeCode(string code, string redirectUri)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry)) return false;
            _codes.Remove(code);
            return entry.RedirectUri == redirectUri && entry.Expires > _time.GetUtcNow();
        }
    }

    /// <summary>Every access token issued so far expires now (to test refresh on 401).</summary>
    public int ExpireAllAccess()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().AddSeconds(-1);
            foreach (var key in _access.Keys.ToList()) _access[key] = now;
            return _access.Count;
        }
    }

    /// <summary>Every refresh token stops working (the user revoked the app).</summary>
    public int RevokeAllRefresh()
    {
        lock (_gate)
        {
            var count = _refresh.Count;
            _refresh.Clear();
            return count;
        }
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
}
