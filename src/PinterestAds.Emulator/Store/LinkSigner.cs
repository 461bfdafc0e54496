using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PinterestAds.Emulator.Store;

/// <summary>
/// Pre-signed object-store links: <c>/{path}?expires={unix}&amp;sig={hmac}</c>. The signature covers the
/// path and the expiry, so a link cannot be altered or extended; the secret is per emulator process.
/// </summary>
internal sealed class LinkSigner
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public string Sign(Uri storeBase, string path, DateTimeOffset expires)
    {
        var unix = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Uri(storeBase, path.TrimStart('/')) + $"?expires={unix}&sig={Signature(path, unix)}";
    }

    public enum Check { Valid, BadSignature, Expired }

    public Check Verify(string path, string? expires, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)) return Check.BadSignature;
        var expected = Signature(path, expires);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
            return Check.BadSignature;
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return Check.BadSignature;
        return DateTimeOffset.FromUnixTimeSeconds(unix) <= now ? Check.Expired : Check.Valid;
    }

    private string Signature(string path, string expires)
    {
        var data = Encoding.UTF8.GetBytes("/" + path.TrimStart('/') + "\n" + expires);
        return Convert.ToHexString(HMACSHA256.HashData(_secret, data)).ToLowerInvariant();
    }
}
