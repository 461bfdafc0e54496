using System.Text;
using PinterestAds.Emulator.Endpoints;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Reports;
using PinterestAds.Emulator.Traffic;

namespace PinterestAds.Emulator.Store;

/// <summary>
/// The second listener, playing the object store behind pre-signed links: no credentials needed, any
/// request with an Authorization header refused (403, S3-style XML), links checked for signature and
/// expiry, report files served as prepared (optionally gzip-encoded).
/// </summary>
internal static class ObjectStoreApp
{
    /// <summary>Large writes keep the copy of a 100 MB report to few system calls.</summary>
    private const int StoreCopyBufferBytes = 256 * 1024;

    public static void Configure(WebApplication app, EmulatorState state)
    {
        app.Run(async context =>
        {
            var requestId = Guid.NewGuid().ToString("N")[..16];
            context.Response.Headers["x-amz-request-id"] = requestId;
            var journaled = JournaledRequest.Begin(context, state.Journal, state.Time.GetUtcNow(), "store", requestId);
            try
            {
                await ServeAsync(context, state);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || context.Response.HasStarted)
            {
            }
            finally
            {
                journaled.Complete();
            }
        });
    }

    private static async Task ServeAsync(HttpContext context, EmulatorState state)
    {
        var faults = state.Faults.Match("store");
        var latency = state.Options.LatencyMs + faults.Where(f => f.Kind == "latency").Sum(f => f.LatencyMs);
        if (latency > 0) await Task.Delay(latency, context.RequestAborted);

        if (context.Request.Method is not ("GET" or "HEAD"))
        {
            await XmlErrorAsync(context, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            return;
        }
        if (context.Request.Headers.ContainsKey("Authorization"))
        {
            await XmlErrorAsync(context, 403, "AccessDenied",
                "Only one auth mechanism allowed; only the signature query parameters or the Authorization header should be specified. (Do not send your API token to the download link.)");
            return;
        }
        if (faults.FirstOrDefault(f => f.Kind == "status") is { } statusFault)
        {
            if (statusFault.Status == 429 || statusFault.Status == 503)
                context.Response.Headers.RetryAfter = (statusFault.RetryAfterSeconds ?? 1).ToString();
            await XmlErrorAsync(context, statusFault.Status, statusFault.Status == 503 ? "SlowDown" : "InternalError",
                statusFault.Status == 503 ? "Please reduce your request rate." : "We encountered an internal error. Please try again.");
            return;
        }

        var path = context.Request.Path.Value?.TrimStart('/') ?? "";
        var check = state.Links.Verify(path, context.Request.Query["expires"], context.Request.Query["sig"], state.Time.GetUtcNow());
        if (faults.Any(f => f.Kind == "expired-link")) check = LinkSigner.Check.Expired;
        if (check == LinkSigner.Check.BadSignature)
        {
            await XmlErrorAsync(context, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }
        if (check == LinkSigner.Check.Expired)
        {
            await XmlErrorAsync(context, 403, "AccessDenied", "Request has expired");
            return;
        }

        if (faults.FirstOrDefault(f => f.Kind is "reset" or "truncate" or "stall") is { } bodyFault)
        {
            context.Response.Body = new FaultingStream(context.Response.Body, context, bodyFault);
            if (bodyFault.Kind == "reset") context.Response.OnStarting(() => { context.Response.ContentLength = null; return Task.CompletedTask; });
        }

        if (path.StartsWith("reports/", StringComparison.Ordinal))
        {
            var token = Path.GetFileNameWithoutExtension(path["reports/".Length..]);
            var report = state.Reports.Find(token);
            if (report is null || AsyncReportEndpoints.StatusOf(state, report) != "FINISHED")
            {
                await XmlErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
                return;
            }
            // The file prepared when the job was made: the bytes whose length the status answer stated.
            var file = report.File!.Result;
            await using var content = file.OpenRead();
            if (content is null)
            {
                await XmlErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
                return;
            }
            context.Response.ContentType = report.Csv ? "text/csv" : "application/json";
            if (report.Gzip) context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = file.Length;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileName(path)}\"";
            if (context.Request.Method == "HEAD") return;
            await content.CopyToAsync(context.Response.Body, StoreCopyBufferBytes, context.RequestAborted);
            return;
        }
        if (path.StartsWith("bulk/", StringComparison.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(path["bulk/".Length..]);
            var request = state.Bulk.Find(id);
            if (request is null || BulkEndpoints.StatusOf(state, request) != "SUCCEEDED")
            {
                await XmlErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
                return;
            }
            var content = BulkEndpoints.Content(request);
            await JsonOut.WriteBytesAsync(context, content, 200, request.Csv ? "text/csv" : "application/json");
            return;
        }
        await XmlErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
    }

    private static Task XmlErrorAsync(HttpContext context, int status, string code, string message)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message><RequestId>{context.Response.Headers["x-amz-request-id"]}</RequestId></Error>";
        return JsonOut.WriteBytesAsync(context, Encoding.UTF8.GetBytes(xml), status, "application/xml");
    }
}
