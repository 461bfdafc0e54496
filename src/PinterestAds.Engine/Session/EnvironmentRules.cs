using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// What a session can be served, from the description's marks on each operation:
    /// <list type="bullet">
    /// <item>the sandbox lacks what is marked <c>x-sandbox: disabled</c> (async and template reports, bulk
    /// downloads, audience insights, product-group operations) - also when a custom base URI stands in for
    /// the sandbox (<c>-Environment Sandbox -ApiBaseUri</c>);</item>
    /// <item>an app token from the client_credentials grant may call only operations whose security lists
    /// <c>client_credentials</c> (not async reports, templates, bulk download creation, metrics ready state).</item>
    /// </list>
    /// What the session lacks is refused before any request, naming the reason and what works instead.
    /// </summary>
    internal sealed class EnvironmentRules
    {
        // What a sandbox user can do instead, per operation the sandbox lacks.
        private static readonly Dictionary<string, string> SandboxAlternatives = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["analytics/create_report"] = "Get-PinAnalytics (synchronous analytics, which the sandbox serves) gives the same metrics for up to 90 days back",
            ["analytics/get_report"] = "Get-PinAnalytics (synchronous analytics, which the sandbox serves) gives the same metrics for up to 90 days back",
            ["analytics/create_mmm_report"] = "the sandbox has no MMM reports; Get-PinTargetingAnalytics gives spend by targeting for up to 90 days back",
            ["analytics/get_mmm_report"] = "the sandbox has no MMM reports; Get-PinTargetingAnalytics gives spend by targeting for up to 90 days back",
            ["ad_pins/analytics"] = "Get-PinAnalytics -Level Ad reports the ads that promote the pins",
            ["analytics/create_template_report"] = "run the template's query with Get-PinAnalytics (synchronous analytics, which the sandbox serves)",
            ["bulk_download/create"] = "list the entities with Get-PinCampaign, Get-PinAdGroup and Get-PinAd, which the sandbox serves",
            ["bulk_request/get"] = "list the entities with Get-PinCampaign, Get-PinAdGroup and Get-PinAd, which the sandbox serves",
            ["product_groups/analytics"] = "the sandbox has no product-group data; Get-PinAnalytics -Level AdGroup reports the ad groups that hold them",
            ["product_group_promotions/list"] = "the sandbox has no product groups; Get-PinAdGroup lists the ad groups",
        };

        private EnvironmentRules(PinEnvironment environment, bool clientCredentials)
        {
            Environment = environment;
            ClientCredentials = clientCredentials;
        }

        public static EnvironmentRules For(PinEnvironment environment, bool clientCredentials = false) =>
            new EnvironmentRules(environment, clientCredentials);

        public PinEnvironment Environment { get; }

        /// <summary>The session's token is an app token from the client_credentials grant.</summary>
        public bool ClientCredentials { get; }

        /// <summary>True when the session can be served <paramref name="operation"/>.</summary>
        public bool Supports(ApiOperation operation) => Refusal(operation) == null;

        public bool Supports(string operationId) => Supports(ApiCatalog.Current.Operation(operationId));

        /// <summary>Throws <see cref="PinterestEnvironmentException"/> when the session cannot be served the operation.</summary>
        public void EnsureSupports(ApiOperation operation)
        {
            if (Refusal(operation) is PinterestEnvironmentException refusal) throw refusal;
        }

        public void EnsureSupports(string operationId) => EnsureSupports(ApiCatalog.Current.Operation(operationId));

        private PinterestEnvironmentException? Refusal(ApiOperation operation)
        {
            string what = $"{operation.Method} {operation.PathTemplate} ({operation.Id})";
            if (Environment == PinEnvironment.Sandbox && !operation.AvailableInSandbox)
            {
                string instead = SandboxAlternatives.TryGetValue(operation.Id, out var alternative) ? alternative : "nothing in the sandbox serves it";
                return new PinterestEnvironmentException(ErrorIds.NotAvailableInSandbox, Environment, operation.Id,
                    $"{what} is not available in the Pinterest API sandbox (the session's environment is {Environment}; the API description " +
                    $"marks it x-sandbox: disabled), so no request was sent. Instead: {instead}; or connect to Production " +
                    "(Connect-PinAccount without -Environment Sandbox) for it.");
            }
            if (ClientCredentials && !operation.AllowsClientCredentials)
            {
                return new PinterestEnvironmentException(ErrorIds.NotAvailableWithClientCredentials, Environment, operation.Id,
                    $"{what} does not accept an app token from the client_credentials grant (the API description lists only the user " +
                    "OAuth scheme for it), so no request was sent. Connect with a user's token instead: Connect-PinAccount -Interactive, " +
                    "-RefreshToken or -AccessToken.");
            }
            return null;
        }
    }
}
