using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Controllers;

/// <summary>
/// A control loop inside the API server, fed by every committed change of the store and by a periodic resync.
/// A failure handling one change is logged and never stops the loop.
/// </summary>
internal abstract class StoreController(ObjectStore store, ILogger log, TimeSpan resync) : IAsyncDisposable
{
    private readonly Channel<StoreChange?> _queue = Channel.CreateUnbounded<StoreChange?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private Task _ticker = Task.CompletedTask;

    protected ObjectStore Store { get; } = store;

    protected ILogger Log { get; } = log;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Store.Committed += OnCommitted;
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _ticker = Task.Run(TickAsync, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Store.Committed -= OnCommitted;
        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loop, _ticker).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Runs once before the loop starts.</summary>
    protected virtual Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether a change concerns this controller; called under the store's lock, so it must be quick.</summary>
    protected abstract bool Wants(StoreChange change);

    /// <summary>Handles one change.</summary>
    protected abstract Task HandleAsync(StoreChange change, CancellationToken cancellationToken);

    /// <summary>The periodic pass that finishes work waiting on other objects (namespaces and CRDs being emptied).</summary>
    protected virtual Task ResyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnCommitted(StoreChange change)
    {
        if (Wants(change))
        {
            _queue.Writer.TryWrite(change);
        }
    }

    private async Task RunAsync()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await (change is null ? ResyncAsync(_stop.Token) : HandleAsync(change, _stop.Token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.LogWarning(e, "{Controller} failed on {Key}; the next change or resync retries", GetType().Name, change?.Key.ToString() ?? "resync");
            }
        }
    }

    private async Task TickAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(resync, _stop.Token).ConfigureAwait(false);
                _queue.Writer.TryWrite(null);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
