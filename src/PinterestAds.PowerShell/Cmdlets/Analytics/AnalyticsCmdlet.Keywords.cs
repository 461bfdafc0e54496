using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Analytics;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    // -Level Keyword: Pinterest has no sync keyword analytics, so keywords go through async KEYWORD
    // reports (KeywordAnalytics). Piped keywords are remembered so their ad groups filter the report and
    // their texts need no extra listing.
    public abstract partial class AnalyticsCmdlet
    {
        private readonly Dictionary<string, PinKeyword> _pipedKeywords = new Dictionary<string, PinKeyword>(StringComparer.Ordinal);

        private void RememberKeyword(PinEntity entity)
        {
            if (entity is PinKeyword keyword) _pipedKeywords[keyword.Id] = keyword;
        }

        private void RunKeywords(PinterestSession session, AnalyticsQuery query, IReadOnlyList<string> ids)
        {
            object target = ids.Count > 0 ? ids.ToArray() : query.AdAccountId;
            try
            {
                Describe(query);
                var known = ids.Where(_pipedKeywords.ContainsKey).ToDictionary(id => id, id => _pipedKeywords[id], StringComparer.Ordinal);
                Pump(async (pump, ct) =>
                    await KeywordAnalytics.RunAsync(session, query, known, row => pump.Output(InUnits(row)), pump, ct).ConfigureAwait(false));
            }
            catch (PinterestException ex) when (IsFatal(ex))
            {
                Fail(ex, target);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteFailure(ex, target);
            }
        }
    }
}
