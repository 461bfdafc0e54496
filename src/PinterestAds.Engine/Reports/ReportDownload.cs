using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports.Reading;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// An open download of a finished job's file from its pre-signed link, through the session's
    /// credential-free client. The body is length-checked (a truncated body throws) and every read has
    /// an idle timeout. Dispose it to release the connection.
    /// </summary>
    internal sealed class ReportDownload : IDisposable
    {
        /// <summary>Ask for a new link when the current one has less than this left.</summary>
        private static readonly TimeSpan LinkMargin = TimeSpan.FromSeconds(20);

        private readonly HttpResponseMessage _response;

        private ReportDownload(ReportJob job, HttpResponseMessage response, Stream body, bool transportGzip, long? contentLength)
        {
            Job = job;
            _response = response;
            Body = body;
            TransportGzip = transportGzip;
            ContentLength = contentLength;
        }

        /// <summary>The job as last seen (possibly with a refreshed link).</summary>
        public ReportJob Job { get; }

        /// <summary>The body as served (still compressed if it was).</summary>
        public Stream Body { get; }

        /// <summary>The store declared <c>Content-Encoding: gzip</c>.</summary>
        public bool TransportGzip { get; }

        public long? ContentLength { get; }

        /// <summary>
        /// Opens the job's file. A missing or nearly expired link is refreshed first; a link the store
        /// refuses as expired (403/400) is refreshed once and tried again.
        /// </summary>
        // bodyCancellation cancels reads of the body, which outlive ct (rows are read later, on the pipeline thread).
        public static async Task<ReportDownload> OpenAsync(ReportJob job, TimeSpan idleTimeout, IPinLog log, CancellationToken ct, CancellationToken bodyCancellation)
        {
            var session = job.Session ?? throw new InvalidOperationException("The report job has no session.");
            for (int attempt = 0; ; attempt++)
            {
                if (!job.HasFreshLink(DateTimeOffset.UtcNow, LinkMargin))
                {
                    log.Verbose($"Asking Pinterest for a fresh download link of {job.Describe()}.");
                    job = await AsyncReports.RefreshAsync(job, log, ct).ConfigureAwait(false);
                    if (!job.IsFinished || job.DownloadUrl == null) throw NotDownloadable(job);
                }

                var message = new HttpRequestMessage(HttpMethod.Get, job.DownloadUrl);
                new RequestContext(null, log).AttachTo(message);
                HttpResponseMessage response;
                using (var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    headersTimeout.CancelAfter(idleTimeout);
                    try
                    {
                        // The download client has no credentials at all: the link is pre-signed.
                        response = await session.DownloadClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
                    {
                        message.Dispose();
                        throw new PinterestException("ReportDownloadStalled", PinErrorKind.Timeout,
                            $"The object store did not start sending {job.Describe()} within {idleTimeout.TotalSeconds:0} s. Run Receive-PinReport again.", ex);
                    }
                }

                if (response.IsSuccessStatusCode)
                {
                    Stream raw = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    long? length = response.Content.Headers.ContentLength;
                    Stream body = new IdleTimeoutStream(raw, idleTimeout, bodyCancellation, job.Describe(), length);
                    if (length.HasValue) body = new LengthCheckedStream(body, length.Value);
                    bool gzip = response.Content.Headers.ContentEncoding.Contains("gzip");
                    return new ReportDownload(job, response, body, gzip, length);
                }

                int status = (int)response.StatusCode;
                response.Dispose();
                message.Dispose();
                // Pre-signed links that expired answer 403 (S3: AccessDenied / Request has expired) or 400.
                if ((response.StatusCode == HttpStatusCode.Forbidden || response.StatusCode == HttpStatusCode.BadRequest) && attempt == 0)
                {
                    log.Verbose($"The object store refused the link of {job.Describe()} ({status}); it has probably expired. Refreshing it.");
                    job = job.WithStatus(job.Status, null, job.Size, DateTimeOffset.UtcNow);
                    continue;
                }
                throw new PinterestApiException("ReportDownloadFailed", status == 403 ? PinErrorKind.PermissionDenied : PinErrorKind.OperationFailed,
                    $"The object store answered {status} for {job.Describe()}" + (attempt > 0 ? " even with a fresh link" : "") +
                    ". Check the report's status with Get-PinReport and download it again.", null, response.StatusCode);
            }
        }

        /// <summary>The content decoded for reading rows: transport and file gzip sniffed and undone.</summary>
        public Stream OpenDecoded(CancellationToken ct) => ReportContent.OpenDecoded(Body, ct);

        /// <summary>The content as a file should hold it: transport gzip undone, the file itself untouched.</summary>
        public Stream OpenForFile() => TransportGzip ? new GZipStream(Body, CompressionMode.Decompress) : Body;

        public static PinterestException NotDownloadable(ReportJob job) =>
            ReportStatuses.IsFailure(job.Status)
                ? new PinterestException(FailureErrorId(job.Status), PinErrorKind.OperationFailed,
                    $"{Capitalize(job.Describe())} is {job.Status}: {ReportStatuses.Explain(job.Status)}")
                : new PinterestException("ReportNotFinished", PinErrorKind.InvalidArgument,
                    $"{Capitalize(job.Describe())} is {job.Status}, not finished; there is nothing to download yet. Pipe it through Wait-PinReport first.");

        /// <summary>Stable error ids per final failure status.</summary>
        public static string FailureErrorId(string status) => status switch
        {
            ReportStatuses.Failed => "ReportFailed",
            ReportStatuses.Expired => "ReportExpired",
            ReportStatuses.Cancelled => "ReportCancelled",
            ReportStatuses.DoesNotExist => "ReportDoesNotExist",
            _ => "ReportNotFinished",
        };

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        public void Dispose()
        {
            Body.Dispose();
            _response.Dispose();
        }
    }
}
