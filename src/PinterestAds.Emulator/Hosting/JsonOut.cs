using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using PinterestAds.Emulator.Catalog;

namespace PinterestAds.Emulator.Hosting;

/// <summary>Writes JSON bodies with a Content-Length (so body faults can truncate them).</summary>
internal static class JsonOut
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        // Messages quote parameter names ('columns'); keep them readable (the output is still valid JSON).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(HttpContext context, object? value, int status = 200) =>
        WriteBytesAsync(context, JsonSerializer.SerializeToUtf8Bytes(value, Options), status);

    public static async Task WriteBytesAsync(HttpContext context, byte[] body, int status = 200, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, int code, string message) =>
        WriteAsync(context, new Dictionary<string, object> { ["code"] = code, ["message"] = message }, status);

    public static Task ErrorAsync(HttpContext context, ApiException e) => ErrorAsync(context, e.Status, e.Code, e.Message);
}
