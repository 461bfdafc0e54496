using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using PinterestAds.Engine.Reports.Reading;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Reads the typed rows of a downloaded report. Rows are read with blocking reads so the caller (the
    /// cmdlet's pipeline thread) can write each one as it is parsed, without a queue hop per row.
    /// Every row of a report has the same properties: AdAccountId, Currency, Level, the entity id column, DATE (unless TOTAL), the
    /// targeting fields (targeting levels), then the requested columns in the requested order; a missing
    /// metric is null in both formats (Pinterest zero-fills CSV files itself; JSON files leave zeros out). Download and format failures become typed errors; a truncated
    /// body is never presented as a complete report.
    /// </summary>
    internal static class ReportRows
    {
        private const int HeadBytes = 16 * 1024;

        public const string TargetingTypeColumn = "TARGETING_TYPE";
        public const string TargetingValueColumn = "TARGETING_VALUE";

        // Which id column a level's rows carry. Pinterest's own names come first; the alternatives are
        // what some deliveries (and the emulator) use for the same entity.
        private static readonly string[] AllIdColumns =
        {
            "ADVERTISER_ID", "AD_ACCOUNT_ID", "CAMPAIGN_ID", "AD_GROUP_ID", "PIN_PROMOTION_ID", "AD_ID",
            "KEYWORD_ID", "PRODUCT_GROUP_ID", "PRODUCT_ITEM_ID",
        };

        /// <summary>
        /// The rows of a downloaded job, led by the analytics row shape's AdAccountId, Currency (the ad account's
        /// currency, null when unknown) and Level (null when the job does not know it: a job made from its token).
        /// </summary>
        public static IEnumerable<ReportRow> Read(ReportDownload download, string? currency, CancellationToken ct) =>
            Read(download.Job, currency, () => download.OpenDecoded(ct), ct);

        /// <summary>The rows of a job's file already on disk (a part downloaded whole before any row is written), led as <see cref="Read(ReportDownload, string?, CancellationToken)"/>.</summary>
        public static IEnumerable<ReportRow> ReadFile(ReportJob job, string path, string? currency, CancellationToken ct) =>
            Read(job, currency, () => ReportContent.OpenDecoded(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920), ct), ct);

        private static IEnumerable<ReportRow> Read(ReportJob job, string? currency, Func<Stream> openDecoded, CancellationToken ct)
        {
            IEnumerator<ReportRow> rows;
            Stream? spool = null;
            try
            {
                Stream decoded = openDecoded();
                var head = new byte[HeadBytes];
                int length = ReportContent.ReadAtMost(decoded, head, ct);
                if (job.FormatFromContent) job = job.WithFormat(DetectFormat(head, length));
                var options = OptionsFor(job, DetectEntityIdColumn(job, Encoding.UTF8.GetString(head, 0, length)));
                options.EmitAccountAndLevel = true;
                options.Currency = currency;
                Stream content = new PrefixedStream(head, length, decoded);
                if (job.Format == ReportFormat.Json && job.Columns.Count == 0)
                {
                    // Columns unknown (a job rebuilt from its token, a template not listed): JSON rows are sparse,
                    // so the file is spooled to disk and its keys read first, making every key a property.
                    content = spool = SpoolToTemporaryFile(content, ct);
                    options.PreScanJsonKeys = true;
                }
                rows = job.Format == ReportFormat.Csv
                    ? new CsvReportReader(content, options).ReadRows(ct).GetEnumerator()
                    : new JsonReportReader(content, options).ReadRows(ct).GetEnumerator();
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                spool?.Dispose();
                throw Wrap(ex, job);
            }

            using (spool)
            using (rows)
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = rows.MoveNext();
                    }
                    catch (Exception ex) when (IsReadFailure(ex))
                    {
                        throw Wrap(ex, job);
                    }
                    if (!more) yield break;
                    yield return rows.Current;
                }
            }
        }

        /// <summary>The reader options that shape a job's rows.</summary>
        public static ReportReadOptions OptionsFor(ReportJob job, string? entityIdColumn)
        {
            var columns = new List<string>();
            bool targeting = job.Level != null && job.Level.EndsWith("_TARGETING", StringComparison.Ordinal);
            if (targeting) columns.AddRange(new[] { TargetingTypeColumn, TargetingValueColumn });
            columns.AddRange(job.Columns);
            return new ReportReadOptions
            {
                Columns = columns,
                Level = job.Level,
                EntityIdColumn = entityIdColumn,
                AdAccountId = job.AdAccountId,
                IncludeDate = job.Granularity == null ? (bool?)null : !string.Equals(job.Granularity, "TOTAL", StringComparison.Ordinal),
                HourlyDates = string.Equals(job.Granularity, "HOUR", StringComparison.Ordinal),
                // A metric a JSON file leaves out is null, as on the sync path. CSV files are zero-filled by
                // Pinterest itself (and must carry every requested column, which zero-fill makes the reader check).
                ZeroFill = job.Format == ReportFormat.Csv,
                JsonLayout = job.PrimarySort == ReportSort.ByDate ? JsonReportLayout.ByDate : JsonReportLayout.ByEntityId,
                PreScanJsonKeys = false,
            };
        }

        /// <summary>
        /// The entity id column the file actually carries: the level's own name when present, else the
        /// alternative found first in the head of the file (CSV header or first JSON row).
        /// </summary>
        public static string? DetectEntityIdColumn(ReportJob job, string head)
        {
            string? preferred = null;
            if (job.Level != null)
            {
                try { preferred = EntityIdColumns.ForLevel(job.Level); }
                catch (ArgumentException) { preferred = null; }
            }
            bool csv = job.Format == ReportFormat.Csv;
            string headerLine = csv ? head.Split('\n')[0] : head;
            bool Present(string column) => csv
                ? headerLine.Split(',').Any(n => string.Equals(n.Trim().Trim('"', '\r', '\uFEFF'), column, StringComparison.OrdinalIgnoreCase))
                : head.IndexOf("\"" + column + "\"", StringComparison.OrdinalIgnoreCase) >= 0;

            if (preferred != null && Present(preferred)) return preferred;
            string? best = null;
            int bestAt = int.MaxValue;
            foreach (string candidate in AllIdColumns)
            {
                int at = headerLine.IndexOf(csv ? candidate : "\"" + candidate + "\"", StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && at < bestAt && Present(candidate))
                {
                    best = candidate;
                    bestAt = at;
                }
            }
            return best ?? preferred;
        }

        /// <summary>JSON when the first character (after a byte order mark and white space) opens an object or array, else CSV.</summary>
        internal static ReportFormat DetectFormat(byte[] head, int length)
        {
            int i = length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
            while (i < length && (head[i] == (byte)' ' || head[i] == (byte)'\t' || head[i] == (byte)'\r' || head[i] == (byte)'\n')) i++;
            return i < length && (head[i] == (byte)'{' || head[i] == (byte)'[') ? ReportFormat.Json : ReportFormat.Csv;
        }

        /// <summary>Copies the stream to a temporary file that deletes itself when closed, positioned at its start.</summary>
        private static Stream SpoolToTemporaryFile(Stream source, CancellationToken ct)
        {
            string path = Path.Combine(Path.GetTempPath(), "pinterest-report-" + Guid.NewGuid().ToString("N") + ".json");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            try
            {
                using (source)
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        file.Write(buffer, 0, read);
                    }
                }
                file.Position = 0;
                return file;
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        internal static bool IsReadFailure(Exception ex) =>
            ex is IOException || ex is InvalidDataException || ex is ReportFormatException || ex is HttpRequestException || ex is ObjectDisposedException;

        /// <summary>A typed error naming the job for a failed download or read.</summary>
        public static Exception Wrap(Exception ex, ReportJob job)
        {
            if (ex is PinterestException) return ex;
            if (ex is IOException io && io.InnerException is PinterestException inner) return inner;
            return ex switch
            {
                ReportFormatException format => new PinterestException(ErrorIds.ReportFormatInvalid, PinErrorKind.InvalidData,
                    $"The file of {job.Describe()} cannot be read as {job.Format}: {format.Message}", ex),
                InvalidDataException data => new PinterestException(ErrorIds.ReportDownloadCorrupt, PinErrorKind.InvalidData,
                    $"The file of {job.Describe()} is corrupt or cut short ({data.Message}). Download it again.", ex),
                _ => new PinterestException(ErrorIds.ReportDownloadFailed, PinErrorKind.NetworkFailure,
                    $"The download of {job.Describe()} failed: {Logging.Redactor.Text(ex.GetBaseException().Message)} The data is incomplete; download it again.", ex),
            };
        }
    }
}
