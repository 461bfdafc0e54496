using Microsoft.AspNetCore.Http;
using PinterestAds.Emulator.Catalog;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Hosting;

/// <summary>Endpoint metadata naming the catalogue operation a route implements.</summary>
internal sealed record OperationTag(OperationSpec Operation);

/// <summary>What a handler gets: the request, its validated parameters, and the emulator.</summary>
internal sealed class OperationContext
{
    public OperationContext(HttpContext http, OperationSpec operation, ParsedParameters parameters, EmulatorState state)
    {
        Http = http;
        Operation = operation;
        Parameters = parameters;
        State = state;
    }

    public HttpContext Http { get; }
    public OperationSpec Operation { get; }
    public ParsedParameters Parameters { get; }
    public EmulatorState State { get; }

    /// <summary>The ad account of the path, checked: 404 when unknown, 403 when the token's user has no access.</summary>
    public AdAccount Account()
    {
        var id = Parameters.RequiredString("ad_account_id");
        var account = State.World.Account(id) ?? throw ApiException.NotFoundError($"Ad account {id} not found.");
        if (account.Access == AccountAccess.Forbidden)
            throw new ApiException(403, ApiException.Forbidden,
                $"Forbidden: the token's user is not an Owner, Admin, Analyst or Campaign Manager of ad account {id}.");
        return account;
    }

    public Task JsonAsync(object? value, int status = 200) => JsonOut.WriteAsync(Http, value, status);
}

internal delegate Task OperationHandler(OperationContext context);

internal static class OperationRouting
{
    /// <summary>Maps a catalogue operation at its own method and path under /v5; parameters are validated before the handler runs.</summary>
    public static void MapOperation(this IEndpointRouteBuilder app, EmulatorState state, string operationId, OperationHandler handler)
    {
        var op = ApiCatalog.Instance.Operation(operationId);
        app.MapMethods("/v5" + op.Path, new[] { op.Method }, async (HttpContext http) =>
        {
            var parameters = ParameterValidator.Validate(op, http);
            await handler(new OperationContext(http, op, parameters, state));
        }).WithMetadata(new OperationTag(op));
    }
}
