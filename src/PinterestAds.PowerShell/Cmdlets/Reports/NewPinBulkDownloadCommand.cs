using System;
using System.Management.Automation;
using PinterestAds.Engine.Bulk;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Requests a bulk download of an ad account's entities (campaigns, ad groups, ads, ...). Returns a
    /// job of kind Bulk for Wait-PinReport and Receive-PinReport (statuses RUNNING, SUCCEEDED, FAILED).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PinBulkDownload", SupportsShouldProcess = true, HelpUri = HelpLinks.Pages + "New-PinBulkDownload.md")]
    [OutputType(typeof(ReportJob))]
    public sealed class NewPinBulkDownloadCommand : PinApiCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>CAMPAIGN, AD_GROUP, AD, PRODUCT_GROUP, KEYWORD, LABEL, SCHEDULE (at most 6).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CatalogValueCompleter))]
        public string[]? EntityType { get; set; }

        /// <summary>These entities and their children.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? EntityId { get; set; }

        [ArgumentCompleter(typeof(Completion.CatalogValueCompleter))]

        [Parameter] public string[]? CampaignStatus { get; set; }
        [ArgumentCompleter(typeof(Completion.CatalogValueCompleter))]
        [Parameter] public string[]? CampaignObjectiveType { get; set; }
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        [Parameter] public string? CampaignName { get; set; }
        [Parameter, ArgumentCompleter(typeof(Completion.DateCompleter))] public DateTime CampaignStartTime { get; set; }
        [Parameter, ArgumentCompleter(typeof(Completion.DateCompleter))] public DateTime CampaignEndTime { get; set; }

        /// <summary>Only entities changed since then.</summary>
        [Parameter, ArgumentCompleter(typeof(Completion.DateCompleter))] public DateTime UpdatedSince { get; set; }

        [Parameter]
        [ApiEnumArgumentTransformation(typeof(ReportFormat))]
        public ReportFormat Format { get; set; } = ReportFormat.Json;

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            RunItem(AdAccountId, () =>
            {
                bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
                var spec = new BulkDownloadSpec
                {
                    AdAccountId = ResolveAdAccountId(session, AdAccountId),
                    EntityTypes = ListArguments.SplitCommas(EntityType),
                    EntityIds = ListArguments.SplitCommas(EntityId),
                    CampaignStatuses = ListArguments.SplitCommas(CampaignStatus),
                    CampaignObjectiveTypes = ListArguments.SplitCommas(CampaignObjectiveType),
                    CampaignName = CampaignName,
                    CampaignStartTime = Bound(nameof(CampaignStartTime)) ? ToUtc(CampaignStartTime) : (DateTimeOffset?)null,
                    CampaignEndTime = Bound(nameof(CampaignEndTime)) ? ToUtc(CampaignEndTime) : (DateTimeOffset?)null,
                    UpdatedSince = Bound(nameof(UpdatedSince)) ? ToUtc(UpdatedSince) : (DateTimeOffset?)null,
                    Format = Format,
                };
                BulkDownloads.BuildBody(spec, session.Time.GetUtcNow()); // validates before asking
                string what = spec.EntityTypes == null || spec.EntityTypes.Count == 0 ? "entities" : string.Join(", ", spec.EntityTypes);
                if (!ShouldProcess($"ad account {spec.AdAccountId}", $"Request a bulk download of {what} ({Format})")) return;
                WriteObject(Pump(async (pump, ct) => await BulkDownloads.CreateAsync(session, spec, pump, ct).ConfigureAwait(false)));
            });
        }

        // A DateTime without a zone is taken as local time, as PowerShell's Get-Date gives it.
        private static DateTimeOffset ToUtc(DateTime time) =>
            time.Kind == DateTimeKind.Utc ? new DateTimeOffset(time) : new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero);
    }
}
