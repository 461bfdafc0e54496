using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Resources;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// <see cref="IAnalyticsResources"/> over a session's cached Resources catalogues: the sync metric
    /// catalogue and the targeting options are fetched once per session; readiness is asked per date.
    /// </summary>
    internal sealed class SessionAnalyticsResources : IAnalyticsResources
    {
        private readonly PinterestSession _session;

        public SessionAnalyticsResources(PinterestSession session) => _session = session;

        public async Task<IReadOnlyList<MetricName>> GetMetricNamesAsync(IPinLog log, CancellationToken ct)
        {
            var definitions = await MetricCatalog.GetAsync(_session, MetricReportType.Sync, log, ct).ConfigureAwait(false);
            return definitions.Select(d => new MetricName(d.Name, d.DisplayName)).ToList();
        }

        public Task<string?> ResolveTargetingNameAsync(string targetingType, string value, string adAccountId, IPinLog log, CancellationToken ct) =>
            TargetingOptionCatalog.ResolveNameAsync(_session, targetingType, value, adAccountId, log, ct);

        public Task<string?> GetCurrencyAsync(string adAccountId, IPinLog log, CancellationToken ct) =>
            AdAccountCurrency.GetAsync(_session, adAccountId, log, ct);

        public async Task<IReadOnlyList<DateReadiness>> GetReadinessAsync(IReadOnlyList<DateTime> dates, IPinLog log, CancellationToken ct)
        {
            var states = await MetricsReadiness.GetAsync(_session, dates, log, ct).ConfigureAwait(false);
            // A flag the API left out is not evidence of unfinished metrics.
            return states.Select(s => new DateReadiness(s.Date, s.ConversionMetricsReady != false, s.NonConversionMetricsReady != false)).ToList();
        }
    }
}
