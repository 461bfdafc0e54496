using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PinterestAds.Emulator.Admin;
using PinterestAds.Emulator.Auth;
using PinterestAds.Emulator.Endpoints;
using PinterestAds.Emulator.Hosting;
using PinterestAds.Emulator.Store;

namespace PinterestAds.Emulator;

/// <summary>
/// A running emulator: the API listener (<c>/v5</c> and the admin API <c>/_emulator</c>) and the
/// object-store listener, both on 127.0.0.1. Start with <see cref="StartAsync"/>, stop with DisposeAsync.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _api;
    private readonly WebApplication _store;
    private readonly EmulatorState _state;

    private EmulatorServer(WebApplication api, WebApplication store, Uri apiRoot, Uri storeRoot, EmulatorState state)
    {
        _api = api;
        _store = store;
        _state = state;
        ApiBaseUri = new Uri(apiRoot, "v5");
        AdminUri = new Uri(apiRoot, "_emulator");
        ObjectStoreUri = storeRoot;
        Options = state.Options;
    }

    /// <summary>e.g. http://127.0.0.1:PORT/v5</summary>
    public Uri ApiBaseUri { get; }
    /// <summary>e.g. http://127.0.0.1:PORT2/</summary>
    public Uri ObjectStoreUri { get; }
    /// <summary>e.g. http://127.0.0.1:PORT/_emulator</summary>
    public Uri AdminUri { get; }
    /// <summary>The live options (the admin API may change the behavioural ones).</summary>
    public EmulatorOptions Options { get; }

    /// <summary>What the two listeners share (for the emulator's own tests).</summary>
    internal EmulatorState State => _state;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new EmulatorState(options.Clone());

        var store = CreateApp(options.StorePort);
        ObjectStoreApp.Configure(store, state);
        await store.StartAsync(ct).ConfigureAwait(false);
        var storeRoot = BoundUri(store);
        state.StoreBaseUri = storeRoot;

        var api = CreateApp(options.Port);
        api.UseRouting();
        api.UseApiPipeline(state);
        EntityEndpoints.Map(api, state);
        KeywordEndpoints.Map(api, state);
        AnalyticsEndpoints.Map(api, state);
        AsyncReportEndpoints.Map(api, state);
        MmmReportEndpoints.Map(api, state);
        BulkEndpoints.Map(api, state);
        ResourceEndpoints.Map(api, state);
        OAuthEndpoints.Map(api, state);
        AdminEndpoints.Map(api, state);
        try
        {
            await api.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            state.Reports.Dispose();
            throw;
        }
        return new EmulatorServer(api, store, BoundUri(api), storeRoot, state);
    }

    private static WebApplication CreateApp(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.AddServerHeader = false;
        });
        return builder.Build();
    }

    private static Uri BoundUri(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try { await _api.StopAsync(timeout.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
        try { await _store.StopAsync(timeout.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
        await _api.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        // The prepared report files (and the emulator's folder for them) go with the emulator.
        _state.Reports.Dispose();
    }
}
