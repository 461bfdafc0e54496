using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Sync;
using PinterestAds.Engine.Sync.Destinations;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Sync
{
    /// <summary>
    /// Lands analytics into a CSV folder, a SQLite file or a PostgreSQL database, night after night: new
    /// days, plus the days whose metrics can still change (not final by the metrics ready state, or inside
    /// -RestateDays), each window replaced, never appended. Ends with one summary object; if any account
    /// failed, a terminating error follows it.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "PinAnalytics", DefaultParameterSetName = FileSet, SupportsShouldProcess = true, HelpUri = Infrastructure.HelpLinks.Pages + "Sync-PinAnalytics.md")]
    [OutputType(typeof(PinSyncSummary))]
    public sealed class SyncPinAnalyticsCommand : Analytics.AnalyticsColumnsCmdlet
    {
        private const string FileSet = "Destination";
        private const string PostgresSet = "ConnectionString";

        private readonly List<string> _accounts = new List<string>();

        /// <summary>A folder (CSV files), or a *.sqlite / *.db file (SQLite).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = null!;

        /// <summary>A PostgreSQL connection string (Npgsql form: Host=...;Database=...;Username=...;Password=...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PostgresSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string ConnectionString { get; set; } = null!;

        /// <summary>SQLite and PostgreSQL: the table the rows land in (default pin_analytics).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string? Table { get; set; }

        /// <summary>The ad accounts; default: every account the token can read. Get-PinAdAccount objects bind by property name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string[]? AdAccountId { get; set; }

        [Parameter]
        [ApiEnumArgumentTransformation(typeof(AnalyticsLevel))]
        public AnalyticsLevel Level { get; set; } = AnalyticsLevel.AdAccount;

        /// <summary>Targeting analytics: rows per targeting value of these types.</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(AnalyticsTargetingType))]
        public AnalyticsTargetingType[]? TargetingType { get; set; }

        /// <summary>Where the first run starts (UTC date); default and earliest: as far back as synchronous analytics reach.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime? StartDate { get; set; }

        /// <summary>The last day synced (UTC date); default: yesterday.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime? EndDate { get; set; }

        /// <summary>Days up to -EndDate pulled again on every run; default: the longest attribution window of the definition.</summary>
        [Parameter]
        [ValidateRange(0, 90)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int? RestateDays { get; set; }

        protected override void ProcessRecord()
        {
            if (AdAccountId == null) return;
            foreach (var id in AdAccountId)
                if (!_accounts.Contains(id)) _accounts.Add(id);
        }

        protected override void EndProcessing()
        {
            var session = ResolveSession();
            var request = new SyncRequest
            {
                Level = Level,
                Columns = ListArguments.SplitCommasOrEmpty(Column),
                Granularity = Granularity,
                TargetingTypes = TargetingType ?? Array.Empty<AnalyticsTargetingType>(),
                ClickWindowDays = ClickWindowDays,
                EngagementWindowDays = EngagementWindowDays,
                ViewWindowDays = ViewWindowDays,
                ConversionReportTime = ConversionReportTime,
                StartDate = StartDate,
                EndDate = EndDate,
                RestateDays = RestateDays,
            };

            ISyncDestination destination;
            try
            {
                request.AdAccountIds = _accounts.Select(id => Engine.Validation.Ids.Require(nameof(AdAccountId), id)).ToList();
                // Relative paths are relative to PowerShell's location, not the process's working folder.
                string? path = ParameterSetName == PostgresSet ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
                destination = SyncDestinations.Create(path, ParameterSetName == PostgresSet ? ConnectionString : null, Table);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                Fail(ex, ParameterSetName == PostgresSet ? "ConnectionString" : Destination);
                return;
            }

            using (destination)
            {
                PinSyncSummary summary;
                try
                {
                    var definition = Pump(async (pump, ct) => await new SyncRunner(new AnalyticsSource(session), destination, pump).DefineAsync(request, ct).ConfigureAwait(false));
                    if (IsWhatIf())
                    {
                        if (request.AdAccountIds.Count == 0)
                            WriteWarning("-WhatIf sends no request, so it cannot list the ad accounts the token can read: give -AdAccountId (or pipe Get-PinAdAccount) to see their plan.");
                        summary = Pump(async (pump, ct) => await new SyncRunner(new AnalyticsSource(session), destination, pump).PlanAsync(request, definition, ct).ConfigureAwait(false));
                        foreach (var account in summary.Accounts)
                            ShouldProcess(destination.Name, Describe(account));
                        WriteObject(summary);
                        return;
                    }
                    string target = request.AdAccountIds.Count == 0 ? "every ad account the token can read" : $"ad account(s) {string.Join(", ", request.AdAccountIds)}";
                    if (!ShouldProcess(destination.Name, $"Sync {Level} analytics of {target} into")) return;
                    // Calls done of planned per account, accounts done of all; closed by a Completed record however the run ends.
                    var progress = new ProgressReporter(this, ProgressId, $"Sync-PinAnalytics into {destination.Name}");
                    try
                    {
                        summary = Pump(async (pump, ct) =>
                        {
                            progress.RouteThrough(pump);
                            Action<SyncProgress>? report = progress.Enabled
                                ? p => progress.Update(p.Describe(), p.Percent, force: p.CallsDone == 0 || p.WindowsDone == p.Windows)
                                : (Action<SyncProgress>?)null;
                            return await new SyncRunner(new AnalyticsSource(session), destination, pump, report).RunAsync(request, definition, ct).ConfigureAwait(false);
                        });
                    }
                    finally
                    {
                        progress.RouteThrough(null);
                        progress.Complete("Done");
                    }
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    Fail(ex, ParameterSetName == PostgresSet ? "ConnectionString" : Destination);
                    return;
                }

                WriteObject(summary);
                if (summary.Failed > 0)
                {
                    var failed = summary.Accounts.Where(a => a.Status == SyncStatuses.Failed).ToList();
                    string reasons = string.Join("; ", failed.Select(a => $"{a.AdAccountId}: {a.Error}"));
                    Fail(new PinterestException(ErrorIds.SyncAccountsFailed, PinErrorKind.OperationFailed,
                        $"{failed.Count} of {summary.Accounts.Length} ad account(s) were not synced ({reasons}). The others landed; the next run picks the failed ones up where they stopped."), summary);
                }
            }
        }

        private const int ProgressId = 0x7B0;

        private static string Describe(PinSyncAccountResult account) =>
            account.Windows.Count == 0
                ? $"Ad account {account.AdAccountId}: nothing due"
                : $"Ad account {account.AdAccountId}: pull and replace {string.Join(", ", account.Windows)} ({account.NewDays} new day(s), {account.RestatedDays} restated), about {account.Requests} request(s)";

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
                return bound is SwitchParameter s ? s.IsPresent : bound is bool b && b;
            object? preference = SessionState?.PSVariable.GetValue("WhatIfPreference");
            return preference is SwitchParameter p ? p.IsPresent : preference is bool flag && flag;
        }
    }
}
