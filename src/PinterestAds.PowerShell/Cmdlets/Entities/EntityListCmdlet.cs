using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>
    /// Shared shape of the entity listings (campaigns, ad groups, ads, product groups): the ad account
    /// binds from piped objects, status and order filters, page size, and items written as their page
    /// arrives. Parent ids piped in (campaigns into Get-PinAdGroup, ...) are batched per ad account into
    /// as few listings as the API's id limits allow.
    /// </summary>
    public abstract class EntityListCmdlet<T> : PinApiCmdlet where T : PinEntity
    {
        private readonly Dictionary<(string AdAccountId, string Parameter), List<string>> _pendingParents = new Dictionary<(string, string), List<string>>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Only these statuses; the API's default is ACTIVE and PAUSED.</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(EntityStatus))]
        public EntityStatus[]? Status { get; set; }

        [Parameter]
        [ApiEnumArgumentTransformation(typeof(SortOrder))]
        public SortOrder? Order { get; set; }

        /// <summary>
        /// Only items whose name matches one of these patterns (wildcards, case-insensitive). The API
        /// has no name filter: the listing is read and filtered here.
        /// </summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Items per request (1 to 250). Larger pages mean fewer requests.</summary>
        [Parameter]
        [ValidateRange(1, 250)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int PageSize { get; set; } = 250;

        /// <summary>The ids of this cmdlet's parent filter bound for the current record (null when none).</summary>
        private protected virtual IReadOnlyList<string>? ParentIds => null;

        /// <summary>The PowerShell name of the parent filter parameter bound for the current record.</summary>
        private protected virtual string ParentParameter => "";

        /// <summary>The description's facts of the API parameter the parent ids go to (pattern, maxLength); null: digits.</summary>
        private protected virtual Engine.Api.ApiSchemaFacts? ParentIdFacts => null;

        private protected abstract IAsyncEnumerable<T> List(PinterestApiClient api, string adAccountId, EntityFilter filter, IPinLog log, CancellationToken ct);

        /// <summary>Fills the cmdlet-specific parts of the filter (ids, parent ids).</summary>
        private protected abstract void Describe(EntityFilter filter, string parentParameter, IReadOnlyList<string> parentIds);

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            string adAccountId;
            IReadOnlyList<string> parents;
            string parentParameter = ParentParameter;
            try
            {
                adAccountId = ResolveAdAccountId(session, AdAccountId);
                parents = Ids.RequireAll(parentParameter, ParentIds, ParentIdFacts);
            }
            catch (PinterestValidationException ex)
            {
                WriteFailure(ex, AdAccountId);
                return;
            }

            // Parent ids arriving one by one through the pipeline are listed together later.
            if (MyInvocation.ExpectingInput && parents.Count > 0)
            {
                var key = (adAccountId, parentParameter);
                if (!_pendingParents.TryGetValue(key, out var pending)) _pendingParents[key] = pending = new List<string>();
                pending.AddRange(parents.Where(p => !pending.Contains(p)));
                if (pending.Count >= Engine.Api.ApiLimits.SyncIdsPerCall)
                {
                    _pendingParents.Remove(key);
                    Write(session, adAccountId, parentParameter, pending);
                }
                return;
            }
            Write(session, adAccountId, parentParameter, parents);
        }

        protected override void EndProcessing()
        {
            foreach (var pair in _pendingParents.ToList())
                Write(ResolveSession(), pair.Key.AdAccountId, pair.Key.Parameter, pair.Value);
            _pendingParents.Clear();
        }

        private void Write(PinterestSession session, string adAccountId, string parentParameter, IReadOnlyList<string> parents)
        {
            // The list operations take at most 250 parent ids per request: list larger sets in turns.
            if (parents.Count > Engine.Api.ApiLimits.SyncIdsPerCall)
            {
                foreach (var chunk in Ids.Chunk(parents, Engine.Api.ApiLimits.SyncIdsPerCall))
                    Write(session, adAccountId, parentParameter, chunk);
                return;
            }

            var filter = new EntityFilter
            {
                Statuses = Status ?? new EntityStatus[0],
                Order = Order,
                PageSize = PageSize,
            };
            RunItem(adAccountId, () =>
            {
                Describe(filter, parentParameter, parents);
                var names = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
                Pump(async (pump, ct) =>
                {
                    var items = List(session.Api, adAccountId, filter, pump, ct);
                    await foreach (var item in items.WithCancellation(ct).ConfigureAwait(false))
                    {
                        if (names != null && !names.Any(pattern => pattern.IsMatch(item.Name ?? ""))) continue;
                        await pump.OutputAndWaitAsync(item).ConfigureAwait(false);
                    }
                });
            });
        }
    }
}
