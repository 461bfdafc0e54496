using System;

namespace PinterestAds
{
    /// <summary>
    /// Whether Pinterest considers one date's metrics final (<c>GET /resources/metrics_ready_state</c>).
    /// Conversions settle 24 to 48 hours after the action, so conversion metrics become ready later.
    /// </summary>
    public class PinMetricsReadyState : Engine.Formatting.ExportableObject
    {
        public PinMetricsReadyState(DateTime date, bool? conversionMetricsReady, bool? nonConversionMetricsReady)
        {
            Date = date;
            ConversionMetricsReady = conversionMetricsReady;
            NonConversionMetricsReady = nonConversionMetricsReady;
        }

        /// <summary>The UTC calendar date asked about.</summary>
        public DateTime Date { get; }

        /// <summary>Conversion metrics (TOTAL_*, checkouts, ...) for the date are final.</summary>
        public bool? ConversionMetricsReady { get; }

        /// <summary>Every other metric (impressions, clicks, spend, ...) for the date is final.</summary>
        public bool? NonConversionMetricsReady { get; }

        /// <summary>Both kinds are final.</summary>
        public bool AllMetricsReady => ConversionMetricsReady == true && NonConversionMetricsReady == true;

        public override string ToString() =>
            $"{Date:yyyy-MM-dd} conversion {(ConversionMetricsReady == true ? "ready" : "not ready")}, non-conversion {(NonConversionMetricsReady == true ? "ready" : "not ready")}";
    }
}
