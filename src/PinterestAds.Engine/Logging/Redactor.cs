using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PinterestAds.Engine.Logging
{
    /// <summary>
    /// Removes credentials from anything the module shows: URLs (query values of sensitive names, and
    /// every query value of pre-signed download links), JSON and form bodies, header values.
    /// </summary>
    internal static class Redactor
    {
        public const string Mask = "***";

        private static readonly HashSet<string> SensitiveNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "access_token", "refresh_token", "client_secret", "code", "token", "password", "secret",
            "oauth_signature", "signature", "sig", "authorization", "x-amz-signature", "x-amz-credential",
            "x-amz-security-token", "credential", "key", "apikey", "api_key", "id_token",
        };

        // "name": "value" pairs in JSON, and name=value pairs in forms, for the sensitive names.
        private static readonly Regex JsonSecret = new Regex(
            "(\"(?:access_token|refresh_token|client_secret|code|token|password|secret|id_token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        private static readonly Regex FormSecret = new Regex(
            "(^|&)(access_token|refresh_token|client_secret|code|password|secret)=[^&]*",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        // Pre-signed links in JSON bodies (the report status's "url", the bulk status's "result_url"): the
        // whole query is the credential, so everything after '?' is masked; the host and path stay visible.
        private static readonly Regex JsonSignedLink = new Regex(
            "(\"[A-Za-z_]*url\"\\s*:\\s*\"[^\"?]*)\\?(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        private static readonly Regex BearerOrBasic = new Regex(
            "\\b(Bearer|Basic)\\s+[A-Za-z0-9\\-._~+/=]+", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>
        /// A URL with sensitive query values masked. With <paramref name="maskAllQueryValues"/> (pre-signed
        /// links, whose whole query is a credential) every value is masked.
        /// </summary>
        public static string Url(Uri? uri, bool maskAllQueryValues = false)
        {
            if (uri == null) return "";
            if (!uri.IsAbsoluteUri) return Query(uri.OriginalString, maskAllQueryValues);
            var builder = new UriBuilder(uri) { UserName = "", Password = "" };
            string query = builder.Query.TrimStart('?');
            string path = builder.Uri.GetLeftPart(UriPartial.Path);
            return query.Length == 0 ? path : path + "?" + MaskQuery(query, maskAllQueryValues);
        }

        private static string Query(string text, bool maskAll)
        {
            int q = text.IndexOf('?');
            return q < 0 ? text : text.Substring(0, q + 1) + MaskQuery(text.Substring(q + 1), maskAll);
        }

        private static string MaskQuery(string query, bool maskAll) =>
            string.Join("&", query.Split('&').Select(pair =>
            {
                int eq = pair.IndexOf('=');
                if (eq < 0) return pair;
                string name = Uri.UnescapeDataString(pair.Substring(0, eq));
                return maskAll || SensitiveNames.Contains(name) ? pair.Substring(0, eq + 1) + Mask : pair;
            }));

        /// <summary>A request or response body with credentials masked, cut to <paramref name="maxChars"/>.</summary>
        public static string Body(string? body, int maxChars = 4096)
        {
            if (string.IsNullOrEmpty(body)) return "";
            string masked = JsonSecret.Replace(body!, m => m.Groups[1].Value + "\"" + Mask + "\"");
            masked = JsonSignedLink.Replace(masked, m => m.Groups[1].Value + "?" + Mask + "\"");
            masked = FormSecret.Replace(masked, m => m.Groups[1].Value + m.Groups[2].Value + "=" + Mask);
            masked = BearerOrBasic.Replace(masked, m => m.Groups[1].Value + " " + Mask);
            return masked.Length <= maxChars ? masked : masked.Substring(0, maxChars) + $"... ({masked.Length - maxChars} more characters)";
        }

        /// <summary>Free text (an API message, an exception message) with any credential-looking content masked.</summary>
        public static string Text(string? text) => Body(text, int.MaxValue);

        /// <summary>Masks every occurrence of known secret values, whatever surrounds them.</summary>
        public static string Secrets(string text, IEnumerable<string?> secrets)
        {
            var builder = new StringBuilder(text);
            foreach (var secret in secrets)
                if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4) builder.Replace(secret, Mask);
            return builder.ToString();
        }
    }
}
