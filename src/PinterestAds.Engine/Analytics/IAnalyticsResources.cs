using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>Whether a date's metrics are final (from <c>metrics_ready_state</c>).</summary>
    internal readonly struct DateReadiness
    {
        public DateReadiness(DateTime date, bool conversionMetricsReady, bool nonConversionMetricsReady)
        {
            Date = date;
            ConversionMetricsReady = conversionMetricsReady;
            NonConversionMetricsReady = nonConversionMetricsReady;
        }

        public DateTime Date { get; }
        public bool ConversionMetricsReady { get; }
        public bool NonConversionMetricsReady { get; }
        public bool IsFinal => ConversionMetricsReady && NonConversionMetricsReady;
    }

    /// <summary>
    /// The session-cached resources analytics lean on: the metric catalogue (display names), targeting
    /// options (names of targeting values) and the metrics ready state. The session implementation
    /// (<see cref="SessionAnalyticsResources"/>, the only one) delegates to the Resources catalogues.
    /// </summary>
    internal interface IAnalyticsResources
    {
        /// <summary>Every metric's API name and display name (fetched once per session).</summary>
        Task<IReadOnlyList<MetricName>> GetMetricNamesAsync(IPinLog log, CancellationToken ct);

        /// <summary>The readable name of a targeting analytics value, or null when none is known.</summary>
        Task<string?> ResolveTargetingNameAsync(string targetingType, string value, string adAccountId, IPinLog log, CancellationToken ct);

        /// <summary>The ad account's currency (cached per account per session), or null when unknown.</summary>
        Task<string?> GetCurrencyAsync(string adAccountId, IPinLog log, CancellationToken ct);

        /// <summary>The ready state of each date, in the order given.</summary>
        Task<IReadOnlyList<DateReadiness>> GetReadinessAsync(IReadOnlyList<DateTime> dates, IPinLog log, CancellationToken ct);
    }
}
