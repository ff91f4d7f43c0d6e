using System.Net.Sockets;

namespace VmAddon.Launcher.GuestConsole;

/// <summary>
/// Joins a byte stream pair (the user's terminal, through <c>pods/exec</c>) to the guest's serial console socket.
/// Ctrl+] detaches, as in virsh console and telnet.
/// </summary>
internal static class ConsoleBridge
{
    /// <summary>Ctrl+]: the byte that detaches instead of reaching the guest.</summary>
    public const byte DetachByte = 0x1d;

    private const int BufferSize = 4096;

    /// <summary>How a console session ended.</summary>
    public enum Ending
    {
        /// <summary>The user pressed Ctrl+], or their input ended.</summary>
        Detached,

        /// <summary>QEMU closed the socket: the guest stopped.</summary>
        GuestClosed,
    }

    /// <exception cref="LauncherException">The socket is missing or nobody listens on it: the guest is not running.</exception>
    public static async Task<Ending> RunAsync(string socketPath, Stream input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new LauncherException($"the guest is not running, or has no serial console: cannot connect to {socketPath} ({e.Message}).", e);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fromGuest = CopyFromGuestAsync(socket, output, stop.Token);
        var toGuest = CopyToGuestAsync(input, socket, stop.Token);
        var first = await Task.WhenAny(fromGuest, toGuest).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await first.ConfigureAwait(false);

        // A blocked read of the user's input cannot be cancelled; the process exits without waiting for it.
        return first == toGuest ? Ending.Detached : Ending.GuestClosed;
    }

    private static async Task CopyFromGuestAsync(Socket socket, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Detached.
        }
        catch (SocketException)
        {
            // The guest side reset the connection: the same as closing it.
        }
    }

    private static async Task CopyToGuestAsync(Stream input, Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var detach = Array.IndexOf(buffer, DetachByte, 0, read);
                var count = detach >= 0 ? detach : read;
                if (count > 0)
                {
                    await socket.SendAsync(buffer.AsMemory(0, count), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }

                if (detach >= 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The guest closed the console.
        }
        catch (SocketException)
        {
            // The guest closed the console while we were typing.
        }
    }
}
