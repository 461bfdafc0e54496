using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// Shared shape of Get-PinAnalytics and Get-PinTargetingAnalytics: the parameters every analytics
    /// operation takes, entities piped in (batched per ad account and level into as few calls as the
    /// limits allow), and rows written in the engine's deterministic order.
    /// </summary>
    public abstract partial class AnalyticsCmdlet : AnalyticsColumnsCmdlet
    {
        private protected const string ByIdSet = "ById";
        private protected const string ByInputSet = "ByInputObject";

        private readonly Dictionary<(string AdAccountId, AnalyticsLevel Level), List<string>> _pending = new();
        private readonly List<(string AdAccountId, AnalyticsLevel Level)> _pendingOrder = new();

        /// <summary>The reporting level. Defaults to the level of piped objects, else AdAccount.</summary>
        [Parameter(Position = 0, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = ByInputSet)]
        [ApiEnumArgumentTransformation(typeof(AnalyticsLevel))]
        public AnalyticsLevel? Level { get; set; }

        /// <summary>The ad account; defaults to the session's.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Ids of the level's entities (campaign ids for -Level Campaign, ...). Any number: split into calls of at most 250.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>
        /// Entities from Get-PinAdAccount, Get-PinCampaign, Get-PinAdGroup, Get-PinAd or Get-PinProductGroup, or
        /// objects with the module's id columns (Import-Csv of an entity, analytics or report CSV).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputSet)]
        [ValidateNotNull]
        [PipedEntityArgumentTransformation]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public PinEntity[] InputObject { get; set; } = null!;

        /// <summary>First day (UTC calendar date; the time of day is ignored).</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime StartDate { get; set; }

        /// <summary>Last day, inclusive (UTC calendar date). Defaults to today (UTC).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.DateCompleter))]
        public DateTime? EndDate { get; set; }

        /// <summary>Auto (default): the synchronous endpoints inside their limits, async reports beyond. Sync or Async force a path.</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(AnalyticsMode))]
        public AnalyticsMode Mode { get; set; } = AnalyticsMode.Auto;

        [Parameter]
        [ApiEnumArgumentTransformation(typeof(ReportingTimeZone))]
        public ReportingTimeZone? ReportingTimeZone { get; set; }

        /// <summary>Missing metrics are 0 instead of $null.</summary>
        [Parameter]
        public SwitchParameter ZeroFill { get; set; }

        /// <summary>Every *_IN_MICRO_DOLLAR column as an exact amount in the ad account's currency units, named *_IN_LOCAL_CURRENCY.</summary>
        [Parameter]
        public SwitchParameter CurrencyUnits { get; set; }

        private readonly Engine.Rows.RowReshaper<AnalyticsRow> _currencyUnits = new(currencyUnits: true);

        /// <summary>The row as written: with -CurrencyUnits, micro-dollar columns in currency units (one reshaper per command, any thread).</summary>
        private protected AnalyticsRow InUnits(AnalyticsRow row) =>
            CurrencyUnits ? _currencyUnits.Reshape(row) : row;

        /// <summary>Start at the earliest available date (with a warning) instead of failing when -StartDate is beyond the lookback.</summary>
        [Parameter]
        public SwitchParameter ClampToAvailable { get; set; }

        /// <summary>Fail when the metrics of a requested date are not final yet.</summary>
        [Parameter]
        public SwitchParameter RequireFinalMetrics { get; set; }

        /// <summary>Calls in flight at once (the session's rate budget applies on top).</summary>
        [Parameter]
        [ValidateRange(1, AnalyticsDefaults.MaxThrottleLimit)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int ThrottleLimit { get; set; } = AnalyticsDefaults.ThrottleLimit;

        /// <summary>Targeting analytics or plain sync analytics.</summary>
        private protected abstract bool Targeting { get; }

        /// <summary>Fills the cmdlet-specific parts of the query.</summary>
        private protected abstract void Describe(AnalyticsQuery query);

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            if (ParameterSetName != ByInputSet)
            {
                if (!TryResolveAdAccountId(session, AdAccountId, out string adAccountId)) return;
                var ids = Id ?? Array.Empty<string>();
                var level = Level ?? (ids.Length > 0 ? (AnalyticsLevel?)null : AnalyticsLevel.AdAccount);
                if (level == null)
                {
                    WriteFailure(new PinterestValidationException(ErrorIds.LevelRequired, "Level",
                        "-Id needs -Level to say what the ids are: -Level Campaign, AdGroup, Ad or ProductGroup."), Id);
                    return;
                }
                Run(session, adAccountId, level.Value, ids);
                return;
            }

            foreach (var piped in InputObject)
            {
                if (piped == null) continue;
                if (!(ResolvePiped(session, piped) is PinEntity entity)) continue;
                if (RememberPinOfAd(entity)) continue;
                if (Level.HasValue && Level.Value != entity.Level)
                {
                    WriteFailure(new PinterestValidationException(ErrorIds.LevelMismatch, "Level",
                        $"-Level {Level} does not match the piped {entity.Level} {entity.Id}. Leave -Level out to report on what is piped in, or pipe {Level} objects."), entity);
                    continue;
                }
                var key = (entity.AdAccountId, entity.Level);
                if (!_pending.TryGetValue(key, out var ids))
                {
                    _pending[key] = ids = new List<string>();
                    _pendingOrder.Add(key);
                }
                if (entity.Level != AnalyticsLevel.AdAccount && !ids.Contains(entity.Id)) ids.Add(entity.Id);
                RememberKeyword(entity);

                // Enough ids for every concurrent call to be full: send them now rather than hold them all.
                if (ids.Count >= ApiLimits.SyncIdsPerCall * ThrottleLimit)
                {
                    _pending.Remove(key);
                    _pendingOrder.Remove(key);
                    Run(session, key.AdAccountId, key.Level, ids);
                }
            }
        }

        /// <summary>
        /// A piped object that only carries ids (an Import-Csv row) as the entity it names at -Level (or its own
        /// level); its ad account defaults to the session's. Null, with that object's error written, when it names none.
        /// </summary>
        private PinEntity? ResolvePiped(PinterestSession session, PinEntity piped)
        {
            if (!(piped is Engine.Entities.PinEntityReference reference)) return piped;
            // -Level Pin: an ad's pin (PinId and CampaignId columns), as for piped ads.
            var requested = Level == AnalyticsLevel.Pin && reference.Stated == AnalyticsLevel.Ad ? AnalyticsLevel.Ad : Level;
            try
            {
                return reference.Resolve(requested, () => ResolveAdAccountId(session, null), nameof(InputObject));
            }
            catch (PinterestValidationException ex)
            {
                WriteFailure(ex, reference);
                return null;
            }
        }

        protected override void EndProcessing()
        {
            RunPipedPins();
            if (_pendingOrder.Count == 0) return;
            var session = ResolveSession();
            foreach (var key in _pendingOrder)
                Run(session, key.AdAccountId, key.Level, _pending[key]);
            _pending.Clear();
            _pendingOrder.Clear();
        }

        private void Run(PinterestSession session, string adAccountId, AnalyticsLevel level, IReadOnlyList<string> ids)
        {
            var query = new AnalyticsQuery
            {
                AdAccountId = adAccountId,
                Level = level,
                Targeting = Targeting,
                Ids = ids,
                StartDate = StartDate,
                EndDate = EndDate ?? ApiDates.Today(session.Time),
                Today = ApiDates.Today(session.Time),
                Columns = Column,
                Granularity = Granularity,
                Mode = Mode,
                Environment = session.Environment,
                ClickWindowDays = ClickWindowDays,
                EngagementWindowDays = EngagementWindowDays,
                ViewWindowDays = ViewWindowDays,
                ConversionReportTime = ConversionReportTime,
                ReportingTimeZone = ReportingTimeZone,
                ZeroFill = ZeroFill,
                ClampToAvailable = ClampToAvailable,
                RequireFinalMetrics = RequireFinalMetrics,
                ThrottleLimit = ThrottleLimit,
            };
            if (level == AnalyticsLevel.Keyword)
            {
                RunKeywords(session, query, ids);
                return;
            }
            var resources = new SessionAnalyticsResources(session);
            object target = ids.Count > 0 ? ids.ToArray() : adAccountId;
            RunItem(target, () =>
            {
                // Refused before any request (even the freshness check) where the environment lacks the level.
                session.EnsureSupports(AnalyticsOperation.For(level, Targeting).Api.Id);
                Describe(query);
                UsePipedPinCampaign(query);
                var execution = Pump(async (pump, ct) => await AnalyticsExecution.PlanAsync(query, resources, pump, ct).ConfigureAwait(false));
                if (!ShouldProcess($"ad account {adAccountId}", $"{(Targeting ? "Targeting analytics" : "Analytics")} at {query.Level}: {execution.Describe()}")) return;
                // Created here, on the pipeline thread; its updates come from the engine through the pump.
                PipelinePump? running = null;
                string unit = execution.Choice.Path == AnalyticsMode.Async ? "report steps (created, finished, downloaded)" : "calls";
                var progress = new ProgressReporter(this, CallsProgressId, MyInvocation.MyCommand.Name + ": calls to Pinterest",
                    record => running?.Progress(record));
                try
                {
                    Pump(async (pump, ct) =>
                    {
                        running = pump;
                        await execution.RunAsync(session, resources,
                            row => pump.Output(InUnits(row)),
                            (error, call) => pump.Error(ErrorRecords.From(error, call.Ids.Count > 0 ? call.Ids.ToArray() : (object)adAccountId)),
                            pump, ct,
                            // Progress only for runs of several calls: calls done of total (async reports: their steps).
                            (done, total) => { if (total > 1) progress.Update($"{done} of {total} {unit}", 100 * done / total, force: done == total); }).ConfigureAwait(false);
                    });
                }
                finally
                {
                    progress.Complete("Done");
                }
            }, FailureScope.EndsCommand);
        }

        private const int CallsProgressId = 0x7C0;
    }
}
