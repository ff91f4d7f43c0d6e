using System.Net.WebSockets;
using k8s;

namespace VmAddon.Cli.Console;

/// <summary>
/// Joins the user's terminal to a command run through <c>pods/exec</c> with a TTY, as virtctl console does: raw bytes
/// both ways, the window size passed through, Ctrl+] to leave.
/// </summary>
internal static class ConsoleSession
{
    /// <summary>How long a detach waits for the remote to report its exit before closing the connection anyway.</summary>
    internal static readonly TimeSpan DetachWait = TimeSpan.FromSeconds(3);

    // Bounds the close handshake and the wait for a failed connection's receive to notice; only a hang guard.
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs <paramref name="target"/> with tty, stdin and stdout (no stderr: a TTY merges it) and relays it to and from
    /// <paramref name="terminal"/> until the user detaches, the command exits or the connection drops. Writes nothing to the
    /// terminal but the remote's bytes, and does not change the terminal's mode (the caller enters raw mode).
    /// </summary>
    /// <remarks>An API server that cannot be reached at all gives <see cref="ConsoleEnding.Dropped"/>, as a lost connection does.</remarks>
    /// <exception cref="k8s.Autorest.HttpOperationException">The API server refused the exec before it started (the pod
    /// or container does not exist, 403, 400 when the pod has no node yet): <c>Response.StatusCode</c> and
    /// <c>Response.Content</c> (a metav1.Status as JSON) say why.</exception>
    /// <exception cref="WebSocketException">The upgrade was refused and asking again did not say why (rare; the message
    /// has the status code).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the connection is closed.</exception>
    public static async Task<ConsoleOutcome> AttachAsync(IKubernetes client, ExecTarget target, IConsoleTerminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(terminal);
        WebSocket socket;
        try
        {
            socket = await client.WebSocketNamespacedPodExecAsync(target.Pod, target.Namespace, target.Command, target.Container,
                false, true, true, true, ExecChannel.Protocol, null, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e) when (e.WebSocketErrorCode == WebSocketError.NotAWebSocket)
        {
            // The API server answered the upgrade with an error status.
            throw await ExecRefusal.ExplainAsync(client, target, e, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return new ConsoleOutcome(ConsoleEnding.Dropped, null, $"could not connect to the API server: {e.Message}");
        }

        using (socket)
        {
            using var sender = new ExecFrameSender(socket);
            return await RelayAsync(socket, sender, terminal, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ConsoleOutcome> RelayAsync(WebSocket socket, ExecFrameSender sender, IConsoleTerminal terminal, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sizes = new WindowSizeRelay(terminal, sender, session.Token);
        try
        {
            // The size goes first: the kubelet starts the command once it has it, so the command sees the right size from the start.
            await sizes.SendAsync().ConfigureAwait(false);
            terminal.Resized += sizes.OnResized;
            var receiving = RemoteOutput.ReceiveAsync(socket, terminal.Output, session.Token);
            var typing = KeystrokeForwarder.ForwardAsync(terminal.Input, sender, session.Token);
            if (await Task.WhenAny(receiving, typing).ConfigureAwait(false) == receiving)
            {
                // The remote ended first. A read of the user's input may stay blocked (a terminal's read cannot be
                // cancelled); it is left behind, and what it reads is dropped.
                var ended = await receiving.ConfigureAwait(false);
                await CloseAsync(socket, sender).ConfigureAwait(false);
                return ended;
            }

            if (await typing.ConfigureAwait(false) == KeystrokeForwarder.Stop.ConnectionFailed)
            {
                return await receiving.WaitAsync(CloseWait, cancellationToken).ConfigureAwait(false);
            }

            // Detached: the remote console exits on Ctrl+]; wait a little for its status so it ends cleanly, then leave.
            var remote = await Task.WhenAny(receiving, Task.Delay(DetachWait, cancellationToken)).ConfigureAwait(false) == receiving
                ? await receiving.ConfigureAwait(false)
                : null;
            cancellationToken.ThrowIfCancellationRequested();
            await CloseAsync(socket, sender).ConfigureAwait(false);
            return new ConsoleOutcome(ConsoleEnding.Detached, remote?.ExitCode, null);
        }
        catch (TimeoutException)
        {
            return new ConsoleOutcome(ConsoleEnding.Dropped, null, "the connection to the API server failed");
        }
        finally
        {
            terminal.Resized -= sizes.OnResized;
            await session.CancelAsync().ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                socket.Abort();
            }
        }
    }

    // Completes the close handshake when the socket still allows it; a peer that does not answer in time is cut off.
    private static async Task CloseAsync(WebSocket socket, ExecFrameSender sender)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var guard = new CancellationTokenSource(CloseWait);
        try
        {
            await sender.CloseAsync(() => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, guard.Token), guard.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    // Failures to reach the API server at all (refused, reset, DNS), as opposed to its answers (HttpOperationException).
    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException { StatusCode: null } or IOException or System.Net.Sockets.SocketException
        || (e is WebSocketException && e.InnerException is HttpRequestException or IOException or System.Net.Sockets.SocketException);
}
