using System.Net.WebSockets;

namespace VmAddon.Cli.Console;

/// <summary>Sends the user's keystrokes to the remote's stdin until Ctrl+] or the end of input.</summary>
internal static class KeystrokeForwarder
{
    private const int BufferSize = 4096;

    /// <summary>Why forwarding stopped.</summary>
    public enum Stop
    {
        /// <summary>Ctrl+] was typed (and sent), or input ended (and Ctrl+] was sent in its place).</summary>
        Detached,

        /// <summary>Sending failed: the connection is gone.</summary>
        ConnectionFailed,
    }

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<Stop> ForwardAsync(Stream input, ExecFrameSender sender, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await ReadAsync(input, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var (send, detach) = DetachKey.Scan(buffer.AsSpan(0, read));
                await sender.SendAsync(ExecChannel.Stdin, buffer.AsMemory(0, send), cancellationToken).ConfigureAwait(false);
                if (detach)
                {
                    return Stop.Detached;
                }
            }

            // Piped input ended: leave as Ctrl+] does, so the remote console detaches too.
            await sender.SendAsync(ExecChannel.Stdin, new[] { DetachKey.Value }, cancellationToken).ConfigureAwait(false);
            return Stop.Detached;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return Stop.ConnectionFailed;
        }
    }

    // Input that fails (its terminal went away) ends like input that closes.
    private static async Task<int> ReadAsync(Stream input, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
