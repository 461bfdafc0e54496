using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>How a JSON report groups its rows (the report's <c>primary_sort</c>).</summary>
    public enum JsonReportLayout
    {
        /// <summary><c>BY_ID</c>: <c>{"&lt;entity id&gt;": [rows], ...}</c>; the key becomes the entity id column.</summary>
        ByEntityId = 0,

        /// <summary><c>BY_DATE</c>: <c>{"&lt;date&gt;": [rows], ...}</c>; the key becomes <c>DATE</c>.</summary>
        ByDate,
    }

    /// <summary>What the report job knows about the report, which shapes the rows read from it.</summary>
    public sealed class ReportReadOptions
    {
        /// <summary>The requested columns, in the order the rows should present them.</summary>
        public IReadOnlyList<string> Columns { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The report level (e.g. <c>CAMPAIGN</c>). Used to find the entity id column when
        /// <see cref="EntityIdColumn"/> is not set, and emitted as the <c>Level</c> property when
        /// <see cref="EmitAccountAndLevel"/> is true.
        /// </summary>
        public string? Level { get; set; }

        /// <summary>The entity id column (e.g. <c>CAMPAIGN_ID</c>); derived from <see cref="Level"/> when null.</summary>
        public string? EntityIdColumn { get; set; }

        /// <summary>The ad account id, emitted as <c>AdAccountId</c> when <see cref="EmitAccountAndLevel"/> is true.</summary>
        public string? AdAccountId { get; set; }

        /// <summary>The ad account's currency code, emitted as <c>Currency</c> when <see cref="EmitAccountAndLevel"/> is true (null: unknown).</summary>
        public string? Currency { get; set; }

        /// <summary>Lead every row with <c>AdAccountId</c>, <c>Currency</c> and <c>Level</c> properties (the analytics row shape).</summary>
        public bool EmitAccountAndLevel { get; set; }

        /// <summary>
        /// Whether rows carry <c>DATE</c>: true for DAY/HOUR/WEEK/MONTH, false for TOTAL, null to
        /// decide from the data (CSV header; JSON: declared unless a pre-scan shows none).
        /// </summary>
        public bool? IncludeDate { get; set; }

        /// <summary>Whether <c>DATE</c> is an hour (HOUR granularity): its export text then always shows the hour.</summary>
        public bool HourlyDates { get; set; }

        /// <summary>
        /// Missing or empty metrics become 0 instead of <c>$null</c> (integer and decimal columns only). With it,
        /// a CSV whose header lacks a requested column is refused (<see cref="ReportFormatException"/>), since
        /// that column was never delivered and must not read as 0.
        /// </summary>
        public bool ZeroFill { get; set; }

        /// <summary>JSON only: how the report groups rows.</summary>
        public JsonReportLayout JsonLayout { get; set; }

        /// <summary>
        /// JSON only: when the stream is seekable, read the keys of every row first (one extra
        /// streaming pass, values not parsed) so that columns nobody requested still become
        /// properties. Without it, an unexpected key stops the read with a
        /// <see cref="ReportFormatException"/> naming the key.
        /// </summary>
        public bool PreScanJsonKeys { get; set; } = true;

        /// <summary>The largest single CSV record or JSON token accepted, in bytes (memory guard).</summary>
        public int MaxRecordBytes { get; set; } = ApiLimits.MaxReportRecordBytes;

        internal string? ResolveEntityIdColumn()
        {
            if (!string.IsNullOrWhiteSpace(EntityIdColumn)) return EntityIdColumn!.Trim();
            return string.IsNullOrWhiteSpace(Level) ? null : Rows.EntityIdColumns.ForLevel(Level!.Trim());
        }
    }
}
