using System.Net.WebSockets;

namespace VmAddon.Cli.Console;

/// <summary>Sends frames on an exec WebSocket one at a time: keystrokes and resizes come from different threads, and a WebSocket allows one send at once.</summary>
internal sealed class ExecFrameSender(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var frame = ExecChannel.Frame(channel, data.Span);
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Waits for a send in progress, then lets <paramref name="close"/> use the socket alone.</summary>
    public async Task CloseAsync(Func<Task> close, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await close().ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
