using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// Credentials as plain strings, for the engine's use only. Built from SecureStrings (or environment
    /// variables) by Connect-PinAccount, never printed, never serialized.
    /// </summary>
    internal sealed class SessionCredentials
    {
        public string? AccessToken { get; set; }
        public DateTimeOffset? AccessTokenExpiresAt { get; set; }
        public string? RefreshToken { get; set; }
        public DateTimeOffset? RefreshTokenExpiresAt { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }

        /// <summary>The token request's <c>scope</c> (comma-separated, e.g. "ads:read"); null leaves it out of a refresh.</summary>
        public string? Scope { get; set; }

        /// <summary>Get (and renew) the access token with the client_credentials grant instead of a refresh token.</summary>
        public bool UseClientCredentials { get; set; }

        /// <summary>Apps created before 2025-09-25 must ask for continuous refresh explicitly.</summary>
        public bool ContinuousRefresh { get; set; }

        /// <summary>The refresh token was issued to this process (interactive login), not given by the caller: hand it over once.</summary>
        public bool RefreshTokenIsNew { get; set; }

        public override string ToString() => "SessionCredentials (secrets hidden)";

        /// <summary>The characters of a SecureString, for the moment they are needed.</summary>
        public static string? Reveal(SecureString? secure)
        {
            if (secure == null || secure.Length == 0) return null;
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public static SecureString? Protect(string? value)
        {
            if (value == null) return null;
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
