using System;
using System.IO;
using System.Management.Automation;
using PinterestAds.Engine.Reports;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Downloads finished jobs (the pre-signed link gets no credentials) and streams their rows as typed
    /// objects, or with -OutFile saves the file atomically. Bulk jobs emit one object per entity.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "PinReport", HelpUri = Infrastructure.HelpLinks.Pages + "Receive-PinReport.md")]
    [OutputType(typeof(ReportRow), typeof(PinBulkEntity), typeof(FileInfo))]
    public sealed class ReceivePinReportCommand : ReportCmdletBase
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0)]
        [ValidateNotNull]
        public ReportJob[]? Job { get; set; }

        /// <summary>Save the file here instead of emitting rows (a folder: the token becomes the name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Abandon a download that receives nothing for this many seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int IdleTimeoutSec { get; set; } = DefaultIdleTimeoutSec;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // A path that cannot be written is refused before any request (Env:\X, /proc/..., a NUL).
            try
            {
                if (OutFile != null) Infrastructure.OutFilePaths.Resolve(this, nameof(OutFile), OutFile);
            }
            catch (PinterestValidationException ex)
            {
                Fail(ex, OutFile);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var given in Job!)
            {
                var job = given;
                try
                {
                    if (job.Session == null || job.Session.IsDisposed) job = job.WithSession(ResolveSession());
                    // A job not seen finished yet gets one status check; it must be finished by now.
                    if (!job.IsFinished)
                    {
                        job = Pump(async (pump, ct) => await AsyncReports.RefreshAsync(job, pump, ct).ConfigureAwait(false));
                        if (!job.IsFinished) throw ReportDownload.NotDownloadable(job);
                    }
                    ReceiveJob(job, OutFile, TimeSpan.FromSeconds(IdleTimeoutSec));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteFailure(ex, job);
                }
            }
        }
    }
}
