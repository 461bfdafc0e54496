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
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public ReportJob[]? Job { get; set; }

        /// <summary>Save the file here instead of emitting rows (a folder: the token becomes the name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Abandon a download that receives nothing for this many seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int IdleTimeoutSec { get; set; } = DefaultIdleTimeoutSec;

        /// <summary>Every *_IN_MICRO_DOLLAR column as an exact amount in the ad account's currency units, named *_IN_LOCAL_CURRENCY.</summary>
        [Parameter]
        public SwitchParameter CurrencyUnits { get; set; }

        private protected override bool CurrencyUnitsWanted => CurrencyUnits;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // A path that cannot be written is refused before any request (Env:\X, /proc/..., a NUL).
            try
            {
                if (OutFile != null) Infrastructure.OutFilePaths.Resolve(this, nameof(OutFile), OutFile);
                if (OutFile != null && CurrencyUnits)
                    throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, nameof(CurrencyUnits),
                        "-CurrencyUnits changes the rows written to the pipeline; -OutFile saves Pinterest's file as it is. Leave one out, or write the rows yourself: Receive-PinReport -CurrencyUnits | Export-Csv <path>.");
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
                // Not RunItem: the error's target is the job as last seen (refreshed), not as piped.
                try
                {
                    job = BindToSession(job);
                    // A job not seen finished yet gets one status check; it must be finished by now.
                    if (!job.IsFinished)
                    {
                        job = Pump(async (pump, ct) => await AsyncReports.RefreshAsync(job, pump, ct).ConfigureAwait(false));
                        if (!job.IsFinished) throw ReportDownload.NotDownloadable(job);
                    }
                    // Rows of several report jobs share one column set: they are written together at the end.
                    if (OutFile == null && job.Kind != ReportJobKind.Bulk) _rowJobs.Add(job);
                    else ReceiveJob(job, OutFile, TimeSpan.FromSeconds(IdleTimeoutSec));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteFailure(ex, job);
                }
            }
        }

        private readonly System.Collections.Generic.List<ReportJob> _rowJobs = new();

        /// <summary>
        /// One job streams its rows as they are read. Several jobs (templates, accounts, parts) are downloaded
        /// whole first and their rows come out in one column set - the union, led by ReportToken and TemplateId -
        /// so Export-Csv keeps every job's columns.
        /// </summary>
        protected override void EndProcessing()
        {
            if (_rowJobs.Count == 0) return;
            RunItem(_rowJobs[0], () =>
            {
                ReceiveParts(_rowJobs, TimeSpan.FromSeconds(IdleTimeoutSec), union: _rowJobs.Count > 1);
            });
        }
    }
}
