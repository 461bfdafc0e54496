using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Resources
{
    /// <summary>
    /// The metric catalogue of <c>GET /resources/delivery_metrics</c>, fetched once per session and report
    /// type and kept in the session cache. It serves Get-PinMetricDefinition, column completion and the
    /// display names the analytics and report cmdlets show.
    /// </summary>
    internal static class MetricCatalog
    {
        private const string OperationId = "delivery_metrics/get";

        /// <summary>Every definition for <paramref name="reportType"/> (null: the API's default, both types); one request per session.</summary>
        public static Task<IReadOnlyList<PinMetricDefinition>> GetAsync(PinterestSession session, MetricReportType? reportType, IPinLog log, CancellationToken ct) =>
            session.Cache.GetOrFetchAsync(CacheKey(reportType), token => FetchAsync(session, reportType, log, token), ct);

        /// <summary>The catalogue if this session fetched it already, else null. Never calls the network (tab completion).</summary>
        public static IReadOnlyList<PinMetricDefinition>? Peek(PinterestSession session, MetricReportType? reportType) =>
            session.Cache.Peek<IReadOnlyList<PinMetricDefinition>>(CacheKey(reportType));

        /// <summary>Every catalogue this session holds, whichever report type it was fetched for (completion).</summary>
        public static IEnumerable<PinMetricDefinition> PeekAny(PinterestSession session) =>
            new MetricReportType?[] { null, MetricReportType.Sync, MetricReportType.Async }
                .SelectMany(type => Peek(session, type) ?? new PinMetricDefinition[0]);

        /// <summary>Parses a <c>DeliveryMetricsResponse</c> body: <c>{"items":[{name, display_name, definition, category}]}</c>.</summary>
        internal static IReadOnlyList<PinMetricDefinition> Parse(System.Text.Json.JsonElement root, MetricReportType? reportType)
        {
            var definitions = new List<PinMetricDefinition>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object
                || !root.TryGetProperty("items", out var items)
                || items.ValueKind != System.Text.Json.JsonValueKind.Array)
                return definitions;
            foreach (var item in items.EnumerateArray())
            {
                var definition = PinMetricDefinition.FromJson(item, reportType);
                if (definition != null && seen.Add(definition.Name)) definitions.Add(definition);
            }
            return definitions;
        }

        private static async Task<IReadOnlyList<PinMetricDefinition>> FetchAsync(PinterestSession session, MetricReportType? reportType, IPinLog log, CancellationToken ct)
        {
            var request = new ApiRequest(OperationId).QueryValue("report_type", reportType);
            var response = await session.Api.SendAsync(request, log, ct).ConfigureAwait(false);
            using var document = response.Json();
            var definitions = Parse(document.RootElement, reportType);
            log.Verbose($"Metric catalogue{(reportType.HasValue ? " (" + ApiNames.ToApi(reportType.Value) + ")" : "")}: {definitions.Count} definitions, cached for this session.");
            return definitions;
        }

        private static string CacheKey(MetricReportType? reportType) =>
            "resources/delivery_metrics?report_type=" + (reportType.HasValue ? ApiNames.ToApi(reportType.Value) : "");
    }
}
