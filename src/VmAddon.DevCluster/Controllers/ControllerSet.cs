using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Http;
using VmAddon.DevCluster.Registry;

namespace VmAddon.DevCluster.Controllers;

/// <summary>The control loops that run inside the dev API server, and the bookmark ticker of its watches.</summary>
internal sealed class ControllerSet(ResourceRegistry registry, ResourceCatalog catalog, ApiServerOptions options, ILoggerFactory logs) : IAsyncDisposable
{
    private readonly List<StoreController> _controllers =
    [
        new NamespaceController(registry, catalog, logs.CreateLogger<NamespaceController>()),
        new CrdController(registry, catalog, logs.CreateLogger<CrdController>()),
        new GarbageCollector(registry, catalog, logs.CreateLogger<GarbageCollector>()),
    ];

    private readonly CancellationTokenSource _stop = new();
    private Task _bookmarks = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var controller in _controllers)
        {
            await controller.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        _bookmarks = Task.Run(EmitBookmarksAsync, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _bookmarks.ConfigureAwait(false);
        foreach (var controller in _controllers)
        {
            await controller.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task EmitBookmarksAsync()
    {
        using var timer = new PeriodicTimer(options.BookmarkInterval, options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await registry.Store.EmitBookmarksAsync(_stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
