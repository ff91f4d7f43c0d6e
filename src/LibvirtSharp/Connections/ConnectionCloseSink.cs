namespace LibvirtSharp;

/// <summary>
/// Receives the close callback on libvirt's event loop thread. It holds no reference to its connection, so an
/// undisposed connection can still be collected and its handle finalized.
/// </summary>
internal sealed class ConnectionCloseSink
{
    private readonly TaskCompletionSource<ConnectionCloseReason> _closed =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task<ConnectionCloseReason> Closed => _closed.Task;

    internal event EventHandler<ConnectionClosedEventArgs>? ConnectionClosed;

    internal void Deliver(ConnectionCloseReason reason)
    {
        if (_closed.TrySetResult(reason))
        {
            ConnectionClosed?.Invoke(this, new ConnectionClosedEventArgs(reason));
        }
    }
}
