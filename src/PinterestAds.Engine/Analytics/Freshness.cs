using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Checks whether the metrics of the requested dates are final. Only the last few days can still move
    /// (<see cref="ApiLimits.MetricsSettleDays"/>), so only those dates are asked about (one call per date):
    /// a range that ends earlier costs no request at all.
    /// </summary>
    internal static class Freshness
    {
        /// <summary>The requested dates whose readiness is worth asking about, in date order.</summary>
        public static IReadOnlyList<DateTime> DatesToCheck(IReadOnlyList<DateSpan> spans, DateTime today)
        {
            DateTime from = today.AddDays(-ApiLimits.MetricsSettleDays);
            var dates = new List<DateTime>();
            foreach (var span in spans)
                for (DateTime d = span.Start > from ? span.Start : from; d <= span.End && d <= today; d = d.AddDays(1))
                    dates.Add(d);
            return dates.Distinct().OrderBy(d => d).ToList();
        }

        /// <summary>
        /// Fails (<c>MetricsNotFinal</c>) when <paramref name="requireFinal"/> and some date is not final;
        /// otherwise warns which dates may still change. A failed readiness lookup only fails the command
        /// when final metrics were required.
        /// </summary>
        /// <remarks>
        /// Only the kinds of metric asked for count: conversion readiness matters only when a conversion column
        /// (<see cref="ConversionColumns"/>) was requested, non-conversion readiness only when another metric was.
        /// </remarks>
        public static async Task CheckAsync(IAnalyticsResources resources, IReadOnlyList<DateSpan> spans, DateTime today, IReadOnlyList<string> columns, bool requireFinal, IPinLog log, CancellationToken ct)
        {
            bool wantsConversion = columns.Any(ConversionColumns.IsConversion);
            bool wantsOther = columns.Any(c => !ConversionColumns.IsConversion(c) && Rows.ColumnClassifier.Classify(c) != Rows.ColumnKind.Text);
            if (!wantsConversion && !wantsOther) return;
            var dates = DatesToCheck(spans, today);
            if (dates.Count == 0) return;
            IReadOnlyList<DateReadiness> states;
            try
            {
                states = await resources.GetReadinessAsync(dates, log, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!requireFinal && !(ex is OperationCanceledException))
            {
                log.Warning($"Could not check whether the metrics of {Describe(dates)} are final ({ex.Message}); recent dates may still change.");
                return;
            }

            var conversion = wantsConversion ? states.Where(s => !s.ConversionMetricsReady).Select(s => s.Date).ToList() : new List<DateTime>();
            var nonConversion = wantsOther ? states.Where(s => !s.NonConversionMetricsReady).Select(s => s.Date).ToList() : new List<DateTime>();
            if (conversion.Count == 0 && nonConversion.Count == 0) return;

            var parts = new List<string>();
            if (conversion.Count > 0) parts.Add($"conversion metrics of {Describe(conversion)}");
            if (nonConversion.Count > 0) parts.Add($"non-conversion metrics of {Describe(nonConversion)}");
            string what = string.Join(" and ", parts);
            if (requireFinal)
                throw new PinterestException(ErrorIds.MetricsNotFinal, PinErrorKind.InvalidData,
                    $"The {what} are not final yet (-RequireFinalMetrics). Conversions settle within 48 hours: run again later, or end the range earlier with -EndDate.");
            log.Warning($"The {what} are not final yet and may still change. Use -RequireFinalMetrics to fail instead.");
        }

        private static string Describe(IReadOnlyList<DateTime> dates) => string.Join(", ", dates.Select(ApiDates.Format));
    }
}
