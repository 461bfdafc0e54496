using System;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// The status values of report jobs (<c>BulkReportingJobStatus</c>) and bulk requests
    /// (<c>BulkUpsertStatus</c>), and which of them end a job.
    /// </summary>
    internal static class ReportStatuses
    {
        public const string DoesNotExist = "DOES_NOT_EXIST";
        public const string InProgress = "IN_PROGRESS";
        public const string Finished = "FINISHED";
        public const string Failed = "FAILED";
        public const string Expired = "EXPIRED";
        public const string Cancelled = "CANCELLED";

        // Bulk requests have their own values.
        public const string Running = "RUNNING";
        public const string Succeeded = "SUCCEEDED";

        /// <summary>The job has its file: FINISHED (reports) or SUCCEEDED (bulk).</summary>
        public static bool IsSuccess(string? status) =>
            string.Equals(status, Finished, StringComparison.Ordinal) || string.Equals(status, Succeeded, StringComparison.Ordinal);

        /// <summary>The job will not change any more (success or failure).</summary>
        public static bool IsFinal(string? status) => IsSuccess(status) || IsFailure(status);

        /// <summary>A final status without a file; the user must see it as an error, with the token.</summary>
        public static bool IsFailure(string? status) => status switch
        {
            Failed or Expired or Cancelled or DoesNotExist => true,
            _ => false,
        };

        /// <summary>What a failed status means, for error messages.</summary>
        public static string Explain(string status) => status switch
        {
            Failed => "Pinterest could not produce the report. Create it again; if it keeps failing, narrow the date range or the columns.",
            Expired => "the report is older than its lifetime (reports live one hour after they finish). Create it again.",
            Cancelled => "the report was cancelled. Create it again.",
            DoesNotExist => "Pinterest knows no report with this token in this ad account (wrong token or ad account, or it was purged). Create it again.",
            _ => "the job ended without a file.",
        };
    }
}
