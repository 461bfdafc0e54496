using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports.Reading;
using PinterestAds.Engine.Session;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// A finished job's file, downloaded whole and verified before anyone reads a row of it. The body comes
    /// from the pre-signed link through the session's credential-free client into a temporary file (deleted
    /// when this is disposed), and counts only when: its length equals the <c>size</c> the status call stated
    /// and the Content-Length; it is no larger than its cap (an endless body stops there); gzip unpacks
    /// within its cap (a gzip bomb stops there); and its shape checks out (<see cref="ReportShapeCheck"/>).
    /// A connection reset or a short body is downloaded again (a fresh link when the old one expired), up
    /// to <see cref="ApiLimits.MaxDownloadAttempts"/> attempts. Every consumer - rows, bulk entities,
    /// <c>-OutFile</c> - goes through <see cref="OpenAsync"/>, so no partial report ever reaches the pipeline.
    /// </summary>
    internal sealed class ReportDownload : IDisposable
    {
        /// <summary>Ask for a new link when the current one has less than this left.</summary>
        private static readonly TimeSpan LinkMargin = TimeSpan.FromSeconds(20);

        private ReportDownload(ReportJob job, Stream body, bool transportGzip, long length)
        {
            Job = job;
            Body = body;
            TransportGzip = transportGzip;
            ContentLength = length;
        }

        /// <summary>The job as last seen (possibly with a refreshed link).</summary>
        public ReportJob Job { get; }

        /// <summary>The verified body as served (still compressed if it was), a seekable temporary file at position 0.</summary>
        public Stream Body { get; }

        /// <summary>The store declared <c>Content-Encoding: gzip</c>.</summary>
        public bool TransportGzip { get; }

        /// <summary>The bytes received (equal to the stated size and Content-Length where those were given).</summary>
        public long? ContentLength { get; }

        /// <summary>
        /// Downloads and verifies the job's file. A missing or nearly expired link is refreshed first; a link
        /// the store refuses as expired (403/400) is refreshed once and tried again; a transfer cut short is
        /// repeated. Returns only a whole file; otherwise throws a typed <see cref="PinterestException"/>.
        /// </summary>
        // bodyCancellation is kept for callers that read later (rows are read on the pipeline thread).
        // onBytes (optional, for progress) hears (bytes received so far, bytes expected when known) during each attempt.
        public static async Task<ReportDownload> OpenAsync(ReportJob job, TimeSpan idleTimeout, IPinLog log, CancellationToken ct, CancellationToken bodyCancellation,
            Action<long, long?>? onBytes = null)
        {
            var session = job.Session ?? throw new InvalidOperationException("The report job has no session.");
            bool refusedOnce = false;
            for (int attempt = 1; ; attempt++)
            {
                if (!job.HasFreshLink(job.Clock.GetUtcNow(), LinkMargin))
                {
                    log.Verbose($"Asking Pinterest for a fresh download link of {job.Describe()}.");
                    job = await AsyncReports.RefreshAsync(job, log, ct).ConfigureAwait(false);
                    if (!job.IsFinished || job.DownloadUrl == null) throw NotDownloadable(job);
                }
                RequireSafeLink(job, session);

                var fetched = await FetchAsync(job, session, idleTimeout, log, ct, onBytes).ConfigureAwait(false);
                if (fetched.Refused is HttpStatusCode refused)
                {
                    // Pre-signed links that expired answer 403 (S3: AccessDenied / Request has expired) or 400.
                    if ((refused == HttpStatusCode.Forbidden || refused == HttpStatusCode.BadRequest) && !refusedOnce)
                    {
                        refusedOnce = true;
                        log.Verbose($"The object store refused the link of {job.Describe()} ({(int)refused}); it has probably expired. Refreshing it.");
                        job = job.WithStatus(job.Status, null, job.Size, job.Clock.GetUtcNow());
                        attempt--;
                        continue;
                    }
                    throw new PinterestApiException(ErrorIds.ReportDownloadFailed, refused == HttpStatusCode.Forbidden ? PinErrorKind.PermissionDenied : PinErrorKind.OperationFailed,
                        $"The object store answered {(int)refused} for {job.Describe()}" + (refusedOnce ? " even with a fresh link" : "") +
                        ". Check the report's status with Get-PinReport and download it again.", null, refused);
                }

                if (fetched.Failure != null)
                {
                    if (attempt >= ApiLimits.MaxDownloadAttempts) throw fetched.Failure;
                    log.Verbose($"The download of {job.Describe()} broke off ({fetched.Failure.Message}); downloading it again (attempt {attempt + 1} of {ApiLimits.MaxDownloadAttempts}).");
                    session.Statistics.CountRetry();
                    continue;
                }

                var file = fetched.File!;
                file.Position = 0;
                return new ReportDownload(job, file, fetched.TransportGzip, file.Length);
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
                : job.IsFinished
                    ? new PinterestException(ErrorIds.ReportLinkMissing, PinErrorKind.InvalidData,
                        $"{Capitalize(job.Describe())} is {job.Status}, but Pinterest's status answer carried no download link (url), so there is nothing to download. " +
                        "Ask again in a moment with Get-PinReport | Receive-PinReport; the report can be fetched for an hour after it finished.")
                    : new PinterestException(ErrorIds.ReportNotFinished, PinErrorKind.InvalidArgument,
                        $"{Capitalize(job.Describe())} is {job.Status}, not finished; there is nothing to download yet. Pipe it through Wait-PinReport first.");

        /// <summary>Stable error ids per final failure status.</summary>
        public static string FailureErrorId(string status) => status switch
        {
            ReportStatuses.Failed => ErrorIds.ReportFailed,
            ReportStatuses.Expired => ErrorIds.ReportExpired,
            ReportStatuses.Cancelled => ErrorIds.ReportCancelled,
            ReportStatuses.DoesNotExist => ErrorIds.ReportDoesNotExist,
            _ => ErrorIds.ReportNotFinished,
        };

        /// <summary>
        /// The link must be HTTPS (it is a credential), or HTTP on this machine's loopback (the emulator):
        /// a <c>file://</c>, <c>ftp://</c> or clear-text remote link is refused before anything is fetched.
        /// </summary>
        private static void RequireSafeLink(ReportJob job, PinterestSession session)
        {
            var link = job.DownloadUrl!;
            bool safe = link.Scheme == Uri.UriSchemeHttps || (link.Scheme == Uri.UriSchemeHttp && ApiEndpoints.IsLoopback(link));
            if (!safe)
                throw new PinterestException(ErrorIds.ReportLinkInvalid, PinErrorKind.InvalidData,
                    $"Pinterest's download link of {job.Describe()} is a '{link.Scheme}' link{(link.IsFile ? "" : " to " + link.Host)}; only HTTPS links (HTTP on loopback) are followed. " +
                    "Nothing was fetched. The API (or something between) is misbehaving; check Get-PinReport later.");
        }

        private sealed class Fetched
        {
            public FileStream? File;
            public bool TransportGzip;
            public HttpStatusCode? Refused;
            public PinterestException? Failure;
        }

        /// <summary>
        /// One attempt: the body into a temporary file, length-checked and shape-checked on the way in. Retryable faults
        /// come back in <see cref="Fetched.Failure"/>; a whole body that is malformed throws.
        /// </summary>
        private static async Task<Fetched> FetchAsync(ReportJob job, PinterestSession session, TimeSpan idleTimeout, IPinLog log, CancellationToken ct,
            Action<long, long?>? onBytes)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, job.DownloadUrl);
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
                    throw new PinterestException(ErrorIds.ReportDownloadStalled, PinErrorKind.Timeout,
                        $"The object store did not start sending {job.Describe()} within {idleTimeout.TotalSeconds:0} s. Run Receive-PinReport again.", ex);
                }
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode) return new Fetched { Refused = response.StatusCode };

                long? declared = response.Content.Headers.ContentLength;
                long? stated = job.Size;
                if (stated.HasValue && declared.HasValue && stated.Value != declared.Value)
                    return Short(job, $"the object store announced {declared.Value:N0} bytes (Content-Length) but Pinterest stated the report's size as {stated.Value:N0} bytes");
                long cap = stated ?? declared ?? ApiLimits.MaxDownloadBytesWithoutSize;
                string capName = stated.HasValue ? "the size Pinterest stated" : declared.HasValue ? "the Content-Length" : "the download cap without a stated size";

                var file = NewTemporaryFile();
                ExceptionDispatchInfo? shapeFailure = null;
                long decodedBytes = 0;
                try
                {
                    Stream raw = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    if (onBytes != null) raw = new TransferProgressStream(raw, bytes => onBytes(bytes, stated ?? declared));
                    // One pass: the shape check reads the body as it arrives and every byte also goes to the file.
                    using (var body = new CopyingReadStream(new CappedStream(new IdleTimeoutStream(raw, idleTimeout, ct, job.Describe()), cap, capName), file))
                    {
                        try
                        {
                            decodedBytes = await VerifyShapeAsync(job, body, DecompressionCap(cap), ct).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (IsShapeFailure(ex))
                        {
                            // Judged once the whole body is in: a body cut short is a truncated download (downloaded
                            // again), not a malformed report.
                            shapeFailure = ExceptionDispatchInfo.Capture(ex);
                        }
                        await body.DrainAsync(ct).ConfigureAwait(false);
                    }
                    await file.FlushAsync(ct).ConfigureAwait(false);
                }
                catch (ContentCapExceededException ex) when (ex.CapName == capName)
                {
                    file.Dispose();
                    throw new PinterestException(ErrorIds.ReportDownloadTooLarge, PinErrorKind.InvalidData,
                        $"The download of {job.Describe()} sent more than {cap:N0} bytes ({capName}); the module stopped reading there (the download size cap). " +
                        "Nothing was used. Download it again; if it repeats, the object store is broken.");
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && IsTransferFault(ex))
                {
                    // HttpClient reports a connection closed short of Content-Length as an IOException:
                    // that is a truncated download like any other (other faults keep their own error).
                    long receivedBeforeFault = file.Position;
                    file.Dispose();
                    return (ex is IOException ? LengthShortfall(job, receivedBeforeFault, declared, stated: null) : null)
                        ?? new Fetched { Failure = ReportRows.Wrap(ex, job) as PinterestException ?? Truncated(job, ex.Message) };
                }
                catch
                {
                    file.Dispose();
                    throw;
                }

                // Longer than either length cannot get here: the cap (ReportDownloadTooLarge) stopped it.
                long received = file.Length;
                var shortfall = LengthShortfall(job, received, declared, stated);
                if (shortfall != null)
                {
                    file.Dispose();
                    return shortfall;
                }
                // Whole: now the shape (and the unpacked size against the cap of the bytes actually received) decides.
                long decompressionCap = DecompressionCap(received);
                if (shapeFailure != null || decodedBytes > decompressionCap)
                {
                    file.Dispose();
                    if (shapeFailure == null || shapeFailure.SourceException is ContentCapExceededException)
                        throw new PinterestException(ErrorIds.ReportDecompressedTooLarge, PinErrorKind.InvalidData,
                            $"The file of {job.Describe()} unpacks to more than {decompressionCap:N0} bytes ({ApiLimits.MaxDecompressionRatio} times its {received:N0} bytes, plus {ApiLimits.DecompressedAllowanceBytes / (1024 * 1024)} MiB: the decompression cap); " +
                            "it looks like a gzip bomb and was not read.");
                    throw ReportRows.Wrap(shapeFailure.SourceException, job);
                }
                bool gzip = response.Content.Headers.ContentEncoding.Contains("gzip");
                return new Fetched { File = file, TransportGzip = gzip };
            }
        }

        /// <summary>
        /// THE truncation check: a body that ended short of its Content-Length or of the size Pinterest stated
        /// (null when it has both, or neither was given). Every shortfall is this one error, ReportDownloadTruncated.
        /// </summary>
        private static Fetched? LengthShortfall(ReportJob job, long received, long? declared, long? stated)
        {
            if (declared.HasValue && received != declared.Value)
                return Short(job, $"it ended after {received:N0} of {declared.Value:N0} bytes (Content-Length)");
            if (stated.HasValue && received != stated.Value)
                return Short(job, $"it ended after {received:N0} of the {stated.Value:N0} bytes Pinterest stated as the report's size");
            return null;
        }

        private static Fetched Short(ReportJob job, string what) => new Fetched { Failure = Truncated(job, what) };

        private static PinterestException Truncated(ReportJob job, string what) =>
            new PinterestException(ErrorIds.ReportDownloadTruncated, PinErrorKind.InvalidData,
                $"The download of {job.Describe()} is incomplete: {what}. No row of it was used; download the report again (its link can be refreshed while the report lives).");

        // A stall is not repeated (it already cost the idle timeout); resets and cut bodies are.
        private static bool IsTransferFault(Exception ex) =>
            !(ex is PinterestException p && p.ErrorId == ErrorIds.ReportDownloadStalled) &&
            (ex is IOException || ex is HttpRequestException || ex is PinterestApiException || ex is ObjectDisposedException);

        private const string DecompressionCapName = "the decompression cap";

        /// <summary>What a file of <paramref name="length"/> bytes may unpack to.</summary>
        private static long DecompressionCap(long length) => checked(length * ApiLimits.MaxDecompressionRatio + ApiLimits.DecompressedAllowanceBytes);

        /// <summary>
        /// Whole in shape, and gzip (if any) unpacking within <paramref name="decompressionCap"/>, read from the body as it
        /// arrives, before any row is read. Returns the unpacked bytes.
        /// </summary>
        private static async Task<long> VerifyShapeAsync(ReportJob job, Stream body, long decompressionCap, CancellationToken ct)
        {
            using var decoded = new CappedStream(await ReportContent.OpenDecodedAsync(new NonClosingStream(body), ct).ConfigureAwait(false),
                decompressionCap, DecompressionCapName);
            if (job.Kind == ReportJobKind.Bulk)
            {
                // Bulk files are read whole into entities by their reader; here the bytes must unpack completely.
                await decoded.CopyToAsync(Stream.Null, 81920, ct).ConfigureAwait(false);
            }
            else if (!job.FormatFromContent)
            {
                await ReportShapeCheck.VerifyAsync(decoded, job.Format, ct).ConfigureAwait(false);
            }
            else
            {
                // A job known only by its token: the first bytes tell JSON from CSV (as ReportRows does when reading).
                var head = new byte[4096];
                int length = await ReportContent.ReadAtMostAsync(decoded, head, ct).ConfigureAwait(false);
                await ReportShapeCheck.VerifyAsync(new PrefixedStream(head, length, decoded), ReportRows.DetectFormat(head, length), ct).ConfigureAwait(false);
            }
            return decoded.Passed;
        }

        // What the shape check itself finds wrong (malformed, corrupt gzip, a gzip bomb), as opposed to the transfer failing.
        private static bool IsShapeFailure(Exception ex) =>
            ex is ReportFormatException || ex is InvalidDataException || ex is ContentCapExceededException cap && cap.CapName == DecompressionCapName;

        private static FileStream NewTemporaryFile()
        {
            string path = Path.Combine(Path.GetTempPath(), "pinterest-download-" + Guid.NewGuid().ToString("N") + ".tmp");
            return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        public void Dispose() => Body.Dispose();

        /// <summary>Lets the verification read the body without closing it (the decoders close what they wrap).</summary>
        private sealed class NonClosingStream : ReadOnlyWrappingStream
        {
            public NonClosingStream(Stream inner) : base(inner) { }

            public override bool CanSeek => Inner.CanSeek;
            public override long Position { get => Inner.Position; set => Inner.Position = value; }
            public override long Length => Inner.Length;
            public override long Seek(long offset, SeekOrigin origin) => Inner.Seek(offset, origin);
            public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Inner.ReadAsync(buffer, offset, count, cancellationToken);

            protected override void Dispose(bool disposing) { }
        }
    }
}
