using Microsoft.AspNetCore.Http;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.Traffic;

namespace PinterestAds.Emulator.Hosting;

/// <summary>
/// What every API request goes through, in order: request id and journal (entered on arrival, its status recorded
/// before the response starts), latency, injected faults, bearer authentication, rate limits, then the handler
/// (whose ApiExceptions become Pinterest errors).
/// </summary>
internal static class ApiPipeline
{
    public static void UseApiPipeline(this WebApplication app, EmulatorState state)
    {
        app.Use(async (context, next) =>
        {
            var requestId = Guid.NewGuid().ToString("N")[..16];
            context.Response.Headers["x-pinterest-rid"] = requestId;
            var operation = context.GetEndpoint()?.Metadata.GetMetadata<OperationTag>()?.Operation;
            var path = context.Request.Path.Value ?? "/";
            var isAdmin = path.StartsWith("/_emulator", StringComparison.Ordinal);
            // First of all, so the journal holds the request before any answer (even an error) starts.
            var journaled = isAdmin ? null
                : JournaledRequest.Begin(context, state.Journal, state.Time.GetUtcNow(), "api", requestId, operation?.OperationId, operation?.RateLimitCategory);
            if (operation is not null) context.Response.Headers["x-ratelimit-category"] = operation.RateLimitCategory;
            try
            {
                if (isAdmin || path.StartsWith("/oauth/", StringComparison.Ordinal) && operation is null)
                {
                    await next(context);
                    return;
                }
                await HandleApiAsync(context, next, state, operation);
            }
            catch (ApiException e) when (!context.Response.HasStarted)
            {
                await JsonOut.ErrorAsync(context, e);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || context.Response.HasStarted)
            {
                // Client went away or a body fault aborted the connection on purpose.
            }
            finally
            {
                // Usually done already (the response started); else the status is final now.
                journaled?.Complete();
            }
        });
    }

    private static async Task HandleApiAsync(HttpContext context, RequestDelegate next, EmulatorState state, OperationSpec? operation)
    {
        var options = state.Options;
        var faults = operation is null ? new List<FaultRule>() : state.Faults.Match(operation.OperationId);
        var latency = options.LatencyMs + faults.Where(f => f.Kind == "latency").Sum(f => f.LatencyMs);
        if (latency > 0) await Task.Delay(latency, context.RequestAborted);

        if (operation is null)
        {
            throw new ApiException(404, 404, $"Not found: {context.Request.Method} {context.Request.Path} is not an operation of this API.");
        }

        if (faults.FirstOrDefault(f => f.Kind == "status") is { } statusFault)
        {
            await WriteStatusFaultAsync(context, statusFault, operation);
            return;
        }

        if (operation.OperationId != "oauth/token")
        {
            var header = context.Request.Headers.Authorization.ToString();
            const string bearer = "Bearer ";
            var token = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : "";
            if (token.Length == 0 || !state.Tokens.IsValidAccessToken(token))
                throw new ApiException(401, ApiException.AuthenticationFailed, "Authentication failed.");
            // The description's security: an app token (client_credentials) only where that scheme is listed.
            if (!operation.AllowsClientCredentials && state.Tokens.IsAppToken(token))
                throw new ApiException(403, ApiException.Forbidden, $"{operation.OperationId} needs a user's token (pinterest_oauth2); a client_credentials token is not accepted here.");
            // The tokens expire while this call is in flight: it was authenticated, the next calls are not.
            if (faults.Any(f => f.Kind == "expire-access")) state.Tokens.ExpireAllAccess();
        }

        // After authentication, like the real sandbox, which only knows sandbox tokens.
        if (options.Sandbox && !operation.AvailableInSandbox) throw SandboxRefusal(operation);

        var verdict = state.RateLimiter.Check(operation.RateLimitCategory);
        context.Response.Headers["X-RateLimit-Limit"] = verdict.Limit.ToString();
        context.Response.Headers["X-RateLimit-Remaining"] = verdict.Remaining.ToString();
        if (!verdict.Allowed)
        {
            context.Response.Headers["X-RateLimit-Reset"] = verdict.ResetSeconds.ToString();
            context.Response.Headers.RetryAfter = verdict.ResetSeconds.ToString();
            throw new ApiException(429, ApiException.RateLimited,
                $"Rate limit exceeded ({verdict.Scope}: {verdict.Limit} requests). Retry after {verdict.ResetSeconds} seconds.");
        }

        if (faults.FirstOrDefault(f => f.Kind is "reset" or "truncate" or "stall") is { } bodyFault)
        {
            context.Response.Body = new FaultingStream(context.Response.Body, context, bodyFault);
            if (bodyFault.Kind == "reset") context.Response.OnStarting(() => { context.Response.ContentLength = null; return Task.CompletedTask; });
        }
        await next(context);
    }

    /// <summary>
    /// The answer of sandbox mode to an operation the description marks x-sandbox: disabled. The description
    /// does not say which status the real sandbox gives; 404 with a Pinterest error body is the stand-in.
    /// </summary>
    public static ApiException SandboxRefusal(OperationSpec operation) =>
        ApiException.NotFoundError($"{operation.Method} {operation.Path} ({operation.OperationId}) is not available in the API Sandbox; use https://api.pinterest.com/v5 for it.");

    private static Task WriteStatusFaultAsync(HttpContext context, FaultRule fault, OperationSpec operation)
    {
        if (fault.Status == 429)
        {
            var reset = fault.RateLimitResetSeconds ?? fault.RetryAfterSeconds ?? 1;
            context.Response.Headers["X-RateLimit-Reset"] = reset.ToString();
            context.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? reset).ToString();
            return JsonOut.ErrorAsync(context, 429, ApiException.RateLimited,
                $"Rate limit exceeded for {operation.RateLimitCategory}. Retry after {reset} seconds.");
        }
        // The field-reported transient 400 of analytics operations: the delay is only in the message text.
        if (fault.Status == 400 && fault.RetryAfterSeconds is { } retryAfter)
            return JsonOut.ErrorAsync(context, 400, ApiException.InvalidParameters, $"Retry after {retryAfter} seconds");
        var message = fault.Status switch
        {
            502 => "Bad gateway.",
            503 => "Service unavailable. Please try again later.",
            _ => "Internal server error.",
        };
        return JsonOut.ErrorAsync(context, fault.Status, fault.Status >= 500 ? ApiException.ServerError : ApiException.InvalidParameters, message);
    }
}
