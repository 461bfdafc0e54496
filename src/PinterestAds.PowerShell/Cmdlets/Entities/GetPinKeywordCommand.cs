using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>
    /// Lists keywords (<c>keywords/get</c>): of ad groups (every match type; binds from piped ad groups), of
    /// campaigns (their negative keywords), or, with neither, the ad account's own negative keywords.
    /// Ad groups piped in one by one are listed together, up to 250 per request.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinKeyword", HelpUri = Infrastructure.HelpLinks.Pages + "Get-PinKeyword.md")]
    [OutputType(typeof(PinKeyword))]
    public sealed class GetPinKeywordCommand : PinApiCmdlet
    {
        private readonly Dictionary<string, List<string>> _pendingAdGroups = new Dictionary<string, List<string>>();
        private readonly List<string> _pendingOrder = new List<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Keywords of these ad groups (any number; binds from piped ad groups).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? AdGroupId { get; set; }

        /// <summary>The campaigns' own keywords (negative only). Not bound from the pipeline: piped ad groups carry a CampaignId too.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.EntityIdCompleter))]
        public string[]? CampaignId { get; set; }

        /// <summary>Only these match types (at most 5).</summary>
        [Parameter]
        [ApiEnumArgumentTransformation(typeof(KeywordMatchType))]
        public KeywordMatchType[]? MatchType { get; set; }

        /// <summary>Items per request (1 to 250). Larger pages mean fewer requests.</summary>
        [Parameter]
        [ValidateRange(1, ApiLimits.MaxPageSize)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int PageSize { get; set; } = ApiLimits.MaxPageSize;

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            string adAccountId;
            IReadOnlyList<string> adGroups, campaigns;
            try
            {
                adAccountId = ResolveAdAccountId(session, AdAccountId);
                adGroups = Ids.RequireAll(nameof(AdGroupId), AdGroupId);
                campaigns = Ids.RequireAll(nameof(CampaignId), CampaignId);
            }
            catch (PinterestValidationException ex)
            {
                WriteFailure(ex, AdAccountId);
                return;
            }

            // Ad groups arriving one by one through the pipeline are listed together later.
            if (MyInvocation.ExpectingInput && adGroups.Count > 0 && campaigns.Count == 0)
            {
                if (!_pendingAdGroups.TryGetValue(adAccountId, out var pending))
                {
                    _pendingAdGroups[adAccountId] = pending = new List<string>();
                    _pendingOrder.Add(adAccountId);
                }
                pending.AddRange(adGroups.Where(g => !pending.Contains(g)));
                if (pending.Count >= ApiLimits.SyncIdsPerCall)
                {
                    _pendingAdGroups.Remove(adAccountId);
                    _pendingOrder.Remove(adAccountId);
                    Write(session, adAccountId, pending, Array.Empty<string>());
                }
                return;
            }
            Write(session, adAccountId, adGroups, campaigns);
        }

        protected override void EndProcessing()
        {
            if (_pendingOrder.Count == 0) return;
            var session = ResolveSession();
            foreach (string adAccountId in _pendingOrder)
                Write(session, adAccountId, _pendingAdGroups[adAccountId], Array.Empty<string>());
            _pendingAdGroups.Clear();
            _pendingOrder.Clear();
        }

        private void Write(PinterestSession session, string adAccountId, IReadOnlyList<string> adGroups, IReadOnlyList<string> campaigns)
        {
            var filter = new KeywordFilter
            {
                AdGroupIds = adGroups,
                CampaignIds = campaigns,
                MatchTypes = MatchType ?? new KeywordMatchType[0],
                PageSize = PageSize,
            };
            RunItem(adAccountId, () =>
            {
                Pump(async (pump, ct) =>
                {
                    var items = KeywordQueries.Keywords(session.Api, adAccountId, filter, pump, ct);
                    await foreach (var item in items.WithCancellation(ct).ConfigureAwait(false)) await pump.OutputAndWaitAsync(item).ConfigureAwait(false);
                });
            });
        }
    }
}
