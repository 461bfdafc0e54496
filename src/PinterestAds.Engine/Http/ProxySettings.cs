using System;
using System.Linq;
using System.Net;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// The proxy to use: <c>HTTPS_PROXY</c> (or <c>HTTP_PROXY</c>) with <c>NO_PROXY</c> when set, the
    /// system proxy otherwise. Read explicitly so Windows PowerShell honours the variables too.
    /// </summary>
    internal static class ProxySettings
    {
        public static IWebProxy? FromEnvironment()
        {
            string? address = Variable("HTTPS_PROXY") ?? Variable("HTTP_PROXY") ?? Variable("ALL_PROXY");
            if (address == null) return null; // null means "the system proxy" to HttpClientHandler.
            if (!address.Contains("://")) address = "http://" + address;
            var proxy = new WebProxy(new Uri(address)) { BypassProxyOnLocal = true };
            string? noProxy = Variable("NO_PROXY");
            if (noProxy != null)
            {
                proxy.BypassList = noProxy.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(ToBypassPattern).ToArray();
            }
            return proxy;
        }

        /// <summary>Turns a NO_PROXY entry (".example.com", "example.com", "*", "10.0.0.1") into WebProxy's regex form.</summary>
        private static string ToBypassPattern(string entry)
        {
            string host = entry.Trim().TrimStart('*').TrimStart('.');
            if (host.Length == 0) return ".*";
            return "(^|.*\\.)" + System.Text.RegularExpressions.Regex.Escape(host) + "(:\\d+)?$";
        }

        private static string? Variable(string name)
        {
            string? value = Environment.GetEnvironmentVariable(name) ?? Environment.GetEnvironmentVariable(name.ToLowerInvariant());
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
