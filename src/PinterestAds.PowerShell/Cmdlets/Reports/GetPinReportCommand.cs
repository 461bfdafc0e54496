using System;
using System.Management.Automation;
using PinterestAds.Engine.Reports;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// The current status of report jobs piped in, or of a report (or bulk request) by its token. A
    /// finished job comes back with its size (and a fresh download link inside).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinReport", DefaultParameterSetName = JobSet, HelpUri = HelpLinks.Pages + "Get-PinReport.md")]
    [OutputType(typeof(ReportJob))]
    public sealed class GetPinReportCommand : PinApiCmdlet
    {
        private const string JobSet = "Job";
        private const string TokenSet = "Token";

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public ReportJob[]? Job { get; set; }

        /// <summary>A report token (or, with -Kind Bulk, a bulk request id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? Token { get; set; }

        [Parameter(ParameterSetName = TokenSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Analytics (default; template reports too) or Bulk.</summary>
        [Parameter(ParameterSetName = TokenSet)]
        public ReportJobKind Kind { get; set; } = ReportJobKind.Analytics;

        /// <summary>The format of the file. Optional: without it, the file's content decides (JSON or CSV) when it is received.</summary>
        [Parameter(ParameterSetName = TokenSet)]
        [ApiEnumArgumentTransformation(typeof(ReportFormat))]
        public ReportFormat Format { get; set; } = ReportFormat.Csv;

        /// <summary>Bulk requests: asks Pinterest to attach the request's errors and details (include_details=true); they land in Message.</summary>
        [Parameter]
        public SwitchParameter IncludeDetails { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            if (ParameterSetName == TokenSet)
            {
                if (!TryResolveAdAccountId(session, AdAccountId, out string adAccountId)) return;
                foreach (string token in Token!)
                {
                    var job = new ReportJob(session, adAccountId, token.Trim(), Kind,
                        Kind == ReportJobKind.Bulk ? ReportStatuses.Running : ReportStatuses.InProgress, Format, session.Time.GetUtcNow())
                    {
                        FormatFromContent = !MyInvocation.BoundParameters.ContainsKey(nameof(Format)),
                    };
                    Refresh(job);
                }
                return;
            }
            foreach (var job in Job!) Refresh(BindToSession(job));
        }

        private void Refresh(ReportJob job)
        {
            RunItem(job, () =>
            {
                WriteObject(Pump(async (pump, ct) => job.Kind == ReportJobKind.Bulk && IncludeDetails
                    ? await Engine.Bulk.BulkDownloads.RefreshAsync(job, pump, ct, includeDetails: true).ConfigureAwait(false)
                    : await AsyncReports.RefreshAsync(job, pump, ct).ConfigureAwait(false)));
            });
        }
    }
}
