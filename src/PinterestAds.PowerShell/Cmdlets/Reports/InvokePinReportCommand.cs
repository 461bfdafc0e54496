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
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int IdleTimeoutSec { get; set; } = DefaultIdleTimeoutSec;

        protected override void ProcessRecord()
        {
            var jobs = CreateJobs();
            if (jobs.Count == 0) return;
            var finished = new System.Collections.Generic.List<ReportJob>();
            WaitForJobs(jobs, TimeSpan.FromSeconds(TimeoutSec), finished.Add);
            foreach (var job in finished.OrderBy(j => j.Part))
            {
                try
                {
                    ReceiveJob(job, null, TimeSpan.FromSeconds(IdleTimeoutSec));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteFailure(ex, job);
                }
            }
        }
    }
}
