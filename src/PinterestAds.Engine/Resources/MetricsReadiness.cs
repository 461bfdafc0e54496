using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Resources
{
    /// <summary>
    /// <c>GET /resources/metrics_ready_state</c> for many dates. The operation takes one date per call and
    /// counts against the ads_analytics budget, so dates are asked concurrently (the session's rate budget
    /// paces them) and returned in date order. Not cached: readiness changes as the day goes on.
    /// </summary>
    internal static class MetricsReadiness
    {
        private const string OperationId = "metrics_ready_state/get";

        /// <summary>Requests in flight at once for one call; the session's rate budget still applies on top.</summary>
        private const int ConcurrentRequests = 4;

        public static async Task<IReadOnlyList<PinMetricsReadyState>> GetAsync(PinterestSession session, IEnumerable<DateTime> dates, IPinLog log, CancellationToken ct)
        {
            var distinct = Validate(dates);
            var results = new List<PinMetricsReadyState>(distinct.Count);
            await OrderedFanOut.RunAsync(distinct, ConcurrentRequests, (date, token) => FetchAsync(session, date, log, token),
                (_, state) => results.Add(state), ct).ConfigureAwait(false);
            return results;
        }

        /// <summary>
        /// Calendar dates, distinct and sorted. The description limits the <c>date</c> parameter to its format
        /// only, so future dates and dates of any age are asked about as given: what the real API answers for
        /// them is not documented (the emulator answers "not ready" for a future date and "ready" for an old one).
        /// </summary>
        internal static IReadOnlyList<DateTime> Validate(IEnumerable<DateTime> dates)
        {
            var list = dates.Select(ApiDates.ToCalendarDate).Distinct().OrderBy(d => d).ToList();
            if (list.Count == 0)
                throw new PinterestValidationException(ErrorIds.DateMissing, "Date", "-Date is empty. Give one or more dates (yyyy-MM-dd) or -StartDate and -EndDate.");
            return list;
        }

        /// <summary>Reads a <c>BookClosedResponse</c>: <c>{"conversion_metrics_ready": bool, "non_conversion_metrics_ready": bool}</c>.</summary>
        internal static PinMetricsReadyState Parse(System.Text.Json.JsonElement root, DateTime date) =>
            new PinMetricsReadyState(date, JsonValues.Bool(root, "conversion_metrics_ready"), JsonValues.Bool(root, "non_conversion_metrics_ready"));

        private static async Task<PinMetricsReadyState> FetchAsync(PinterestSession session, DateTime date, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest(OperationId).QueryValue("date", date);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            return Parse(document.RootElement, date);
        }
    }
}
