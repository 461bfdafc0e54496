using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Reports;

namespace PinterestAds.Engine.Bulk
{
    /// <summary>
    /// The status values of a bulk request (the description's <c>BulkUpsertStatus</c>): RUNNING, SUCCEEDED,
    /// FAILED. A bulk job only ever holds one of these; report statuses (DOES_NOT_EXIST, ...) are not bulk
    /// values, and an answer with no status or another value is an error that says what was seen.
    /// </summary>
    internal static class BulkStatuses
    {
        public const string Running = ReportStatuses.Running;
        public const string Succeeded = ReportStatuses.Succeeded;
        public const string Failed = ReportStatuses.Failed;

        public static readonly IReadOnlyList<string> All = new[] { Running, Succeeded, Failed };

        public static bool IsBulkStatus(string? status) => status != null && All.Contains(status, StringComparer.Ordinal);
    }
}
