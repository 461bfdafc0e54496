using System.Management.Automation;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Creates async reports (custom, or from a template). A request beyond one report's limits (date
    /// span, ids per list) becomes several reports, one job object each.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PinAsyncReport", DefaultParameterSetName = CustomSet, SupportsShouldProcess = true, HelpUri = Infrastructure.HelpLinks.Pages + "New-PinAsyncReport.md")]
    [OutputType(typeof(ReportJob))]
    public sealed class NewPinAsyncReportCommand : AsyncReportRequestCmdlet
    {
        protected override void ProcessRecord()
        {
            if (CollectPipedEntities()) return;
            foreach (var job in CreateJobs()) WriteObject(job);
        }

        protected override void EndProcessing()
        {
            foreach (var jobs in CreatePipedJobs())
                foreach (var job in jobs) WriteObject(job);
        }
    }
}
