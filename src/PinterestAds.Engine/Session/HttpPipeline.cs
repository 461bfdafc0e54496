using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Http.Handlers;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Session
{
    /// <summary>
    /// Builds a session's three long-lived HttpClients through Microsoft.Extensions.Http:
    /// the API client (retry, budget, auth, logging), the token client (no bearer auth), and the
    /// download client for pre-signed links, which never carries credentials.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        private const string ApiClientName = "PinterestAds.Api";
        private const string TokenClientName = "PinterestAds.OAuth";
        private const string DownloadClientName = "PinterestAds.Download";

        private readonly ServiceProvider _services;
        private readonly SessionOptions _options;

        public HttpPipeline(SessionOptions options, RateLimitBudget budget, SessionStatistics statistics, Jitter jitter, Func<TokenManager> tokens, SecretMasker? secrets = null)
        {
            _options = options;
            var services = new ServiceCollection();
            void Common(HttpClient client)
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the handlers own timeouts, per attempt and overall
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            }

            services.AddHttpClient(ApiClientName, Common)
                .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(decompress: true, followRedirects: false))
                .AddHttpMessageHandler(() => new RetryHandler(options.Retry, budget, statistics, jitter, options.Time, secrets))
                .AddHttpMessageHandler(() => new RateLimitHandler(budget, statistics, options.Retry, options.Time))
                .AddHttpMessageHandler(() => new AuthenticationHandler(tokens, options.ApiBaseUri))
                .AddHttpMessageHandler(() => new LoggingHandler(secrets))
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

            services.AddHttpClient(TokenClientName, Common)
                .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(decompress: true, followRedirects: false))
                .AddHttpMessageHandler(() => new RetryHandler(options.Retry, budget, statistics, jitter, options.Time, secrets))
                .AddHttpMessageHandler(() => new LoggingHandler(secrets))
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

            // Downloads are decompressed by the report reader, which also checks the raw length.
            services.AddHttpClient(DownloadClientName, Common)
                .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(decompress: false, followRedirects: true))
                .AddHttpMessageHandler(() => new RetryHandler(options.Retry, budget, statistics, jitter, options.Time, secrets))
                .AddHttpMessageHandler(() => new LoggingHandler(secrets))
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

            // The factory's own request logging would write URLs through ILogger; we log ourselves, redacted.
            services.RemoveAll<IHttpMessageHandlerBuilderFilter>();

            _services = services.BuildServiceProvider();
            var factory = _services.GetRequiredService<IHttpClientFactory>();
            Api = factory.CreateClient(ApiClientName);
            Token = factory.CreateClient(TokenClientName);
            Download = factory.CreateClient(DownloadClientName);
        }

        public HttpClient Api { get; }
        public HttpClient Token { get; }
        public HttpClient Download { get; }

        private HttpMessageHandler PrimaryHandler(bool decompress, bool followRedirects)
        {
            if (_options.PrimaryHandlerForTests != null) return _options.PrimaryHandlerForTests();
            var proxy = ProxySettings.FromEnvironment();
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = decompress ? DecompressionMethods.GZip | DecompressionMethods.Deflate : DecompressionMethods.None,
                UseCookies = false,
                AllowAutoRedirect = followRedirects, // the API never redirects; object stores may
                UseProxy = true,
            };
            if (proxy != null) handler.Proxy = proxy;
            return handler;
        }

        public void Dispose()
        {
            Api.Dispose();
            Token.Dispose();
            Download.Dispose();
            _services.Dispose();
        }
    }
}
