using System.Buffers;
using System.Net.WebSockets;

namespace VmAddon.Cli.Console;

/// <summary>Receives an exec's frames: output to the user's terminal as it comes, the exit status at the end.</summary>
internal static class RemoteOutput
{
    private const int BufferSize = 32 * 1024;

    /// <summary>
    /// Copies stdout (and stderr, if any) to <paramref name="output"/> until the connection ends. RemoteExited when the
    /// server reported the command's status; Dropped when the connection closed or failed without one.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ConsoleOutcome> ReceiveAsync(WebSocket socket, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var message = new ArrayBufferWriter<byte>(BufferSize);
        var status = new ArrayBufferWriter<byte>();
        string dropped;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    dropped = "the API server closed the connection without the command's exit status"
                        + (string.IsNullOrEmpty(socket.CloseStatusDescription) ? "" : $" ({socket.CloseStatusDescription})");
                    break;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                await DeliverAsync(message.WrittenMemory, output, status, cancellationToken).ConfigureAwait(false);
                message.ResetWrittenCount();
            }
        }
        catch (WebSocketException e)
        {
            dropped = $"the connection to the API server was lost: {e.Message}";
        }
        catch (IOException e)
        {
            dropped = $"the console's connection failed: {e.Message}";
        }

        // A status that arrived before the connection went is still the command's own ending.
        return status.WrittenCount > 0 ? ExitStatus.ToOutcome(status.WrittenSpan) : new ConsoleOutcome(ConsoleEnding.Dropped, null, dropped);
    }

    private static async Task DeliverAsync(ReadOnlyMemory<byte> frame, Stream output, ArrayBufferWriter<byte> status, CancellationToken cancellationToken)
    {
        if (frame.Length < 2)
        {
            // Empty frames: the server announcing a channel.
            return;
        }

        var data = frame[1..];
        switch (frame.Span[0])
        {
            case ExecChannel.Stdout or ExecChannel.Stderr:
                await output.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                break;
            case ExecChannel.Error:
                status.Write(data.Span);
                break;
        }
    }
}
