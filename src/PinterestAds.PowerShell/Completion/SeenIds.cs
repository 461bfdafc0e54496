using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// The ids this process has written (campaigns, ad groups, ads, product groups, report tokens),
    /// with their names, for tab completion. Filled as objects go out (PinCmdlet, the pump); a
    /// bounded memory per kind, newest kept. Ids are not secrets; tokens of report jobs are not
    /// credentials either (they need the session's access token to be of any use).
    /// </summary>
    internal static class SeenIds
    {
        private const int PerKind = 2000;

        private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string?>> ByKind =
            new ConcurrentDictionary<string, ConcurrentDictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The kind of a report token.</summary>
        public const string ReportToken = "ReportToken";

        public static void Remember(object item)
        {
            switch (item)
            {
                case PinEntity entity when entity.Id.Length > 0:
                    Add(entity.Level.ToString(), entity.Id, entity.Name);
                    break;
                case ReportJob job when !string.IsNullOrEmpty(job.Token):
                    Add(ReportToken, job.Token, job.Level);
                    break;
            }
        }

        public static IEnumerable<KeyValuePair<string, string?>> Of(params string[] kinds) =>
            kinds.SelectMany(kind => ByKind.TryGetValue(kind, out var seen) ? seen : Enumerable.Empty<KeyValuePair<string, string?>>());

        private static void Add(string kind, string id, string? name)
        {
            var seen = ByKind.GetOrAdd(kind, _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
            if (seen.Count >= PerKind && !seen.ContainsKey(id)) return;
            seen[id] = name;
        }
    }
}
