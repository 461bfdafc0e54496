using System;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Creates a report, waits for it and streams its rows in one call. Several jobs from one request
    /// (a long range split in parts) come out as one stream, in date order.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PinReport", DefaultParameterSetName = CustomSet, SupportsShouldProcess = true, HelpUri = Infrastructure.HelpLinks.Pages + "Invoke-PinReport.md")]
    [OutputType(typeof(ReportRow))]
    public sealed class InvokePinReportCommand : AsyncReportRequestCmdlet
    {
        /// <summary>Give up waiting after this many seconds (the reports go on at Pinterest).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        [ValidateRange(1, 3600)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int IdleTimeoutSec { get; set; } = DefaultIdleTimeoutSec;

        /// <summary>Every *_IN_MICRO_DOLLAR column as an exact amount in the ad account's currency units, named *_IN_LOCAL_CURRENCY.</summary>
        [Parameter]
        public SwitchParameter CurrencyUnits { get; set; }

        private protected override bool CurrencyUnitsWanted => CurrencyUnits;

        protected override void ProcessRecord()
        {
            if (CollectPipedEntities()) return;
            Run(CreateJobs());
        }

        protected override void EndProcessing()
        {
            foreach (var jobs in CreatePipedJobs()) Run(jobs);
        }

        /// <summary>
        /// Waits for the jobs of one request and writes their rows. The parts of a split request are one answer:
        /// if any part did not finish, none of the rows are written (the error names the parts that did, to
        /// receive by hand), and the rows come out only after every part downloaded whole.
        /// </summary>
        private void Run(System.Collections.Generic.IReadOnlyList<ReportJob> jobs)
        {
            if (jobs.Count == 0) return;
            var finished = new System.Collections.Generic.List<ReportJob>();
            WaitForJobs(jobs, TimeSpan.FromSeconds(TimeoutSec), finished.Add);
            if (finished.Count < jobs.Count && jobs.Count > 1)
            {
                if (finished.Count > 0)
                    WriteFailure(new PinterestException(ErrorIds.ReportPartsIncomplete, PinErrorKind.InvalidData,
                        $"{jobs.Count - finished.Count} of {jobs.Count} parts of the report did not finish, so no rows were written (a partial answer would look complete). " +
                        "The finished parts can be received on their own: " +
                        string.Join("; ", finished.Select(j => $"Get-PinReport -AdAccountId {j.AdAccountId} -Token {j.Token} | Receive-PinReport"))), jobs[0]);
                return;
            }
            RunItem(jobs[0], () =>
            {
                ReceiveParts(finished.OrderBy(j => j.Part).ToList(), TimeSpan.FromSeconds(IdleTimeoutSec));
            });
        }
    }
}
