using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>One exec over an accepted WebSocket: the process's streams framed onto channels, stdin and resizes back, and the exit status at the end.</summary>
internal sealed partial class ExecSession(WebSocket socket, ChannelProtocol protocol, ExecStreams streams, IReadOnlyList<string> command, KubeletServerOptions options, ILogger log)
{
    private const int FrameSize = 32 * 1024;

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource<IExecProcess?> _process = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(ushort Columns, ushort Rows)> _firstSize = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TerminalSizeDecoder _sizes = new();
    private readonly Channel<byte[]?> _stdin = Channel.CreateUnbounded<byte[]?>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Lock _sizeLock = new();
    private (ushort Columns, ushort Rows)? _latestSize;
    private IExecProcess? _running;

    /// <summary>Runs the session until the process has exited and its status is sent, or the client has gone (the process is then disposed, which ends it).</summary>
    public async Task RunAsync(Func<CancellationToken, Task<IExecProcess>> start, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = session.Token;
        await SendAsync(streams.AnnounceChannel, ReadOnlyMemory<byte>.Empty, ct).ConfigureAwait(false);
        var receiving = ReceiveAsync(ct);
        var feeding = FeedStdinAsync(ct);
        try
        {
            await RunProcessAsync(start, receiving, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            LogSessionEnded(log, e.Message);
        }
        finally
        {
            _process.TrySetResult(null);
            await session.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
            await feeding.ConfigureAwait(false);
        }
    }

    private async Task RunProcessAsync(Func<CancellationToken, Task<IExecProcess>> start, Task receiving, CancellationToken ct)
    {
        if (streams.Tty)
        {
            // kubectl sends its terminal size right after connecting; starting after it spares the program a first SIGWINCH
            // (and `stty size` as the command prints the right size).
            await Task.WhenAny(_firstSize.Task, Task.Delay(options.FirstResizeWait, ct)).ConfigureAwait(false);
        }

        IExecProcess process;
        try
        {
            process = await start(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStartFailed(log, e.Message);
            await FinishAsync(ExecStatus.InternalError(e.Message), receiving, ct).ConfigureAwait(false);
            return;
        }

        await using (process.ConfigureAwait(false))
        {
            lock (_sizeLock)
            {
                if (_latestSize is { } initial)
                {
                    process.Resize(initial.Columns, initial.Rows);
                }

                _running = process;
            }

            _process.TrySetResult(process);
            var stdout = PumpAsync(process.Stdout, streams.Stdout ? ChannelProtocol.Stdout : null, ct);
            var stderr = process.Stderr is { } error ? PumpAsync(error, streams.Stderr ? ChannelProtocol.Stderr : null, ct) : Task.CompletedTask;
            if (await Task.WhenAny(process.Exited, receiving).ConfigureAwait(false) != process.Exited)
            {
                LogClientLeft(log);
                return;
            }

            var code = await process.Exited.ConfigureAwait(false);
            try
            {
                // Output still in the pipes after the exit; a descendant that keeps them open does not hold the session.
                await Task.WhenAll(stdout, stderr).WaitAsync(options.OutputDrainWait, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogOutputStillOpen(log, options.OutputDrainWait.TotalSeconds);
            }

            await FinishAsync(code == 0 ? ExecStatus.Success() : ExecStatus.ExitCode(code & 0xFF, command), receiving, ct).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(ExecStatus status, Task receiving, CancellationToken ct)
    {
        if (status.Encode(protocol) is { } payload)
        {
            await SendAsync(ChannelProtocol.Error, payload, ct).ConfigureAwait(false);
        }

        await _send.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }

        // The client answers with its own close; give it a moment so the connection ends cleanly.
        await Task.WhenAny(receiving, Task.Delay(options.CloseWait, ct)).ConfigureAwait(false);
    }

    private async Task PumpAsync(Stream source, byte? channel, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FrameSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, FrameSize), ct).ConfigureAwait(false)) > 0)
            {
                if (channel is { } c)
                {
                    await SendAsync(c, buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
            // The session is ending either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendAsync(byte channel, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var frame = protocol.Frame(channel, data.Span);
        await _send.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, protocol.Base64 ? WebSocketMessageType.Text : WebSocketMessageType.Binary, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    // Ends when the client closes or drops the connection, or the session is over.
    private async Task ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[FrameSize + 1];
        var message = new ArrayBufferWriter<byte>(FrameSize + 1);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (protocol.TryRead(message.WrittenSpan, out var channel, out var data))
                {
                    await DeliverAsync(channel, data).ConfigureAwait(false);
                }

                message.Clear();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Gone, or done.
        }
    }

    private ValueTask DeliverAsync(byte channel, byte[] data)
    {
        if (protocol.StreamClose && channel == ChannelProtocol.Close)
        {
            // A null entry closes stdin after the data queued before it.
            return data is [ChannelProtocol.Stdin] ? _stdin.Writer.WriteAsync(null) : ValueTask.CompletedTask;
        }

        switch (channel)
        {
            case ChannelProtocol.Stdin when streams.Stdin:
                return _stdin.Writer.WriteAsync(data);
            case ChannelProtocol.Resize:
                foreach (var (columns, rows) in _sizes.Add(data))
                {
                    lock (_sizeLock)
                    {
                        _latestSize = (columns, rows);
                        _running?.Resize(columns, rows);
                    }

                    _firstSize.TrySetResult((columns, rows));
                }

                break;
        }

        return ValueTask.CompletedTask;
    }

    // Writes the client's stdin to the process once it runs, in order; the receive loop never waits for the process.
    private async Task FeedStdinAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var data in _stdin.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (await _process.Task.ConfigureAwait(false) is not { Stdin: { } stdin })
                {
                    continue;
                }

                try
                {
                    if (data is null)
                    {
                        await stdin.DisposeAsync().ConfigureAwait(false);
                        continue;
                    }

                    await stdin.WriteAsync(data, ct).ConfigureAwait(false);
                    await stdin.FlushAsync(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // The process closed its stdin or exited: what it did not read is lost, as with a pipe.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session is over.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec session ended: {Reason}")]
    private static partial void LogSessionEnded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "exec could not start: {Error}")]
    private static partial void LogStartFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec client left before the command ended; ending it")]
    private static partial void LogClientLeft(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec output still open {Seconds}s after the command exited (a descendant holds it); sending the status")]
    private static partial void LogOutputStillOpen(ILogger logger, double seconds);
}
