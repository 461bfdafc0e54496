using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Waits for any number of report jobs at once and emits each as it finishes. FAILED, EXPIRED,
    /// CANCELLED and DOES_NOT_EXIST give a non-terminating error naming the token; the others go on.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "PinReport", HelpUri = Infrastructure.HelpLinks.Pages + "Wait-PinReport.md")]
    [OutputType(typeof(ReportJob))]
    public sealed class WaitPinReportCommand : ReportCmdletBase
    {
        private readonly List<ReportJob> _jobs = new List<ReportJob>();

        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public ReportJob[]? Job { get; set; }

        /// <summary>Give up after this many seconds (the jobs go on at Pinterest; a non-terminating error names each).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int TimeoutSec { get; set; } = 3600;

        protected override void ProcessRecord()
        {
            foreach (var job in Job!) _jobs.Add(BindToSession(job));
        }

        protected override void EndProcessing()
        {
            // All jobs are collected first so one loop polls them together.
            WaitForJobs(_jobs, TimeSpan.FromSeconds(TimeoutSec), WriteObject);
        }
    }
}
