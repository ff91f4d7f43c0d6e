namespace LibvirtSharp;

/// <summary>A registration for domain lifecycle events; read them as an async stream or handle <see cref="Received"/>. Dispose to unregister.</summary>
public sealed class DomainLifecycleSubscription : IDisposable
{
    private readonly LibvirtConnection _connection;
    private readonly LifecycleEventSink _sink;
    private int _disposed;

    internal DomainLifecycleSubscription(LibvirtConnection connection, LifecycleEventSink sink, int callbackId)
    {
        _connection = connection;
        _sink = sink;
        CallbackId = callbackId;
    }

    /// <summary>Raised on libvirt's event loop thread: handlers must be quick and must not block.</summary>
    public event EventHandler<DomainLifecycleEvent>? Received
    {
        add => _sink.Received += value;
        remove => _sink.Received -= value;
    }

    internal int CallbackId { get; }

    /// <summary>Events in arrival order; ends when the subscription is disposed.</summary>
    public IAsyncEnumerable<DomainLifecycleEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _sink.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Waits for the first event that matches, skipping the others.</summary>
    public async Task<DomainLifecycleEvent> WaitForAsync(Func<DomainLifecycleEvent, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        await foreach (var lifecycleEvent in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (predicate(lifecycleEvent))
            {
                return lifecycleEvent;
            }
        }

        throw new ObjectDisposedException(nameof(DomainLifecycleSubscription), "The subscription ended before a matching event arrived.");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _connection.Unsubscribe(this);
            _sink.Complete();
        }
    }
}
