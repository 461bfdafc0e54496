using System;
using System.Net;

namespace PinterestAds.Engine.Session
{
    /// <summary>The API's base URIs, and the rule for custom ones.</summary>
    internal static class ApiEndpoints
    {
        public static readonly Uri Production = new Uri("https://api.pinterest.com/v5");
        public static readonly Uri Sandbox = new Uri("https://api-sandbox.pinterest.com/v5");

        public static Uri For(PinEnvironment environment) => environment == PinEnvironment.Sandbox ? Sandbox : Production;

        /// <summary>
        /// A custom base URI must be HTTPS - tokens never travel in clear text - except on this machine's
        /// loopback (the local emulator).
        /// </summary>
        public static Uri ValidateCustom(string parameterName, Uri uri)
        {
            if (!uri.IsAbsoluteUri)
                throw new PinterestValidationException(ErrorIds.ApiBaseUriNotAbsolute, parameterName,
                    $"-{parameterName} '{uri}' is not an absolute URI. Use for example https://api.pinterest.com/v5 or the emulator's http://127.0.0.1:PORT/v5.");
            if (!uri.AbsolutePath.TrimEnd('/').EndsWith("/v5", StringComparison.OrdinalIgnoreCase))
                throw new PinterestValidationException(ErrorIds.ApiBaseUriNoVersion, parameterName,
                    $"-{parameterName} '{uri.GetLeftPart(UriPartial.Path)}' does not end with the API version /v5; every request would miss the API's paths. " +
                    $"Use for example https://api.pinterest.com/v5 or the emulator's http://127.0.0.1:PORT/v5.");
            if (uri.Scheme == Uri.UriSchemeHttps) return uri;
            if (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)) return uri;
            throw new PinterestValidationException(ErrorIds.ApiBaseUriNotSecure, parameterName,
                $"-{parameterName} '{uri.GetLeftPart(UriPartial.Authority)}' must use HTTPS: plain HTTP is accepted only for the loopback address (127.0.0.1, ::1, localhost) where the local emulator runs.");
        }

        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
    }
}
