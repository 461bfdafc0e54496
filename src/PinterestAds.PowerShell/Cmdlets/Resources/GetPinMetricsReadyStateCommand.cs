using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Resources;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// Says per date whether conversion and non-conversion metrics are final (GET
    /// /resources/metrics_ready_state, one request per date). Dates piped in are asked together at the end.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinMetricsReadyState", DefaultParameterSetName = ByDateSet, HelpUri = HelpLinks.Pages + "Get-PinMetricsReadyState.md")]
    [OutputType(typeof(PinMetricsReadyState))]
    public sealed class GetPinMetricsReadyStateCommand : PinApiCmdlet
    {
        private const string ByDateSet = "ByDate";
        private const string ByRangeSet = "ByRange";

        private readonly List<DateTime> _dates = new List<DateTime>();

        /// <summary>One or more UTC calendar dates (the time of day is ignored).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDateSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime[] Date { get; set; } = new DateTime[0];

        /// <summary>First date of a range, inclusive.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByRangeSet)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime StartDate { get; set; }

        /// <summary>Last date of a range, inclusive.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByRangeSet)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime EndDate { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByDateSet)
            {
                _dates.AddRange(Date);
                return;
            }
            var start = ApiDates.ToCalendarDate(StartDate);
            var end = ApiDates.ToCalendarDate(EndDate);
            try { DateOrder.Require(start, end); }
            catch (PinterestValidationException ex)
            {
                WriteFailure(ex, EndDate);
                return;
            }
            for (var day = start; day <= end; day = day.AddDays(1)) _dates.Add(day);
        }

        protected override void EndProcessing()
        {
            if (_dates.Count == 0) return;
            var session = ResolveSession();
            RunItem(_dates.Count == 1 ? (object)_dates[0] : _dates.ToArray(), () =>
            {
                Pump(async (pump, ct) =>
                {
                    var states = await MetricsReadiness.GetAsync(session, _dates, pump, ct).ConfigureAwait(false);
                    foreach (var state in states) pump.Output(state);
                });
            });
        }
    }
}
