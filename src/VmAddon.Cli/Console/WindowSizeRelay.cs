namespace VmAddon.Cli.Console;

/// <summary>Sends the terminal's size on the resize channel: once at the start, then on every change.</summary>
internal sealed class WindowSizeRelay(IConsoleTerminal terminal, ExecFrameSender sender, CancellationToken cancellationToken)
{
    /// <summary>Sends the current size; nothing when the user's side is not a terminal. A failure is left to the receive side to report.</summary>
    public async Task SendAsync()
    {
        if (terminal.Size is not { } size)
        {
            return;
        }

        try
        {
            await sender.SendAsync(ExecChannel.Resize, ResizeMessage.Encode(size), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is going; the session reports how it ended.
        }
    }

    /// <summary>For <see cref="IConsoleTerminal.Resized"/>, which may fire on a signal thread: the send runs on its own.</summary>
    public void OnResized() => _ = SendAsync();
}
