using System.Runtime.InteropServices;
using System.Threading.Channels;
using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>
/// Moves bytes between a non-blocking libvirt stream and .NET. libvirt's event loop thread calls <see cref="OnEvents"/>;
/// it only ever does non-blocking receives and hands the bytes to an unbounded channel, so a slow reader can never
/// stall the process-wide event loop (a serial console produces little). Writers send directly and, when libvirt
/// says it would block, wait for a writable event.
/// </summary>
internal sealed class ConsoleStreamPump
{
    private const StreamEvents ReadEvents = StreamEvents.Readable | StreamEvents.Error | StreamEvents.Hangup;
    private const int WouldBlock = -2;

    private readonly StreamHandle _stream;
    private readonly Channel<byte[]> _incoming = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly byte[] _receiveBuffer = new byte[64 * 1024];
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource? _writable;
    private Exception? _failure;
    private bool _ended;
    private bool _callbackRegistered;
    private int _closed;

    internal ConsoleStreamPump(StreamHandle stream) => _stream = stream;

    internal ChannelReader<byte[]> Incoming => _incoming.Reader;

    /// <summary>Registers for stream events; libvirt owns the GCHandle until its free callback runs.</summary>
    internal unsafe void Start()
    {
        var opaque = GCHandle.ToIntPtr(GCHandle.Alloc(this));
        if (StreamNative.virStreamEventAddCallback(_stream, (int)ReadEvents, &NativeCallbacks.OnStreamEvent, opaque, &NativeCallbacks.FreeOpaque) < 0)
        {
            var error = LibvirtException.FromLastError("virStreamEventAddCallback");
            GCHandle.FromIntPtr(opaque).Free();
            throw error;
        }

        _callbackRegistered = true;
    }

    /// <summary>Runs on libvirt's event loop thread.</summary>
    internal void OnEvents(StreamEvents events)
    {
        if (events.HasFlag(StreamEvents.Writable))
        {
            TaskCompletionSource? writer;
            lock (_gate)
            {
                writer = _writable;
                _writable = null;
            }

            // Writable is level-triggered: stop asking until a writer needs it again.
            _ = StreamNative.virStreamEventUpdateCallback(_stream, (int)ReadEvents);
            writer?.TrySetResult();
        }

        if ((events & ReadEvents) != 0)
        {
            Drain(events);
        }
    }

    private unsafe void Drain(StreamEvents events)
    {
        while (!_ended)
        {
            int received;
            fixed (byte* buffer = _receiveBuffer)
            {
                received = StreamNative.virStreamRecv(_stream, buffer, (nuint)_receiveBuffer.Length);
            }

            if (received > 0)
            {
                _incoming.Writer.TryWrite(_receiveBuffer.AsSpan(0, received).ToArray());
            }
            else if (received == 0)
            {
                End(null);
            }
            else if (received == WouldBlock)
            {
                if (events.HasFlag(StreamEvents.Hangup))
                {
                    End(null);
                }
                else if (events.HasFlag(StreamEvents.Error))
                {
                    End(new IOException("The console stream reported an error."));
                }

                return;
            }
            else
            {
                End(LibvirtException.FromLastError("virStreamRecv"));
            }
        }
    }

    private void End(Exception? failure)
    {
        TaskCompletionSource? writer;
        lock (_gate)
        {
            _ended = true;
            _failure = failure;
            writer = _writable;
            _writable = null;
        }

        // No events wanted any more; Close removes the callback itself.
        _ = StreamNative.virStreamEventUpdateCallback(_stream, 0);
        _incoming.Writer.TryComplete(failure);
        writer?.TrySetException(failure ?? new IOException("The console stream has ended."));
    }

    internal async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!data.IsEmpty)
            {
                var (sent, wait) = TrySend(data.Span);
                if (sent > 0)
                {
                    data = data[sent..];
                }
                else if (wait is not null)
                {
                    await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Sends what libvirt takes now, or returns a task that completes when it may take more.</summary>
    private unsafe (int Sent, Task? Wait) TrySend(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_ended || _closed != 0)
            {
                throw new IOException("The console stream has ended.", _failure);
            }
        }

        int sent;
        fixed (byte* buffer = data)
        {
            sent = StreamNative.virStreamSend(_stream, buffer, (nuint)data.Length);
        }

        if (sent >= 0)
        {
            return (sent, null);
        }

        if (sent != WouldBlock)
        {
            throw LibvirtException.FromLastError("virStreamSend");
        }

        var writable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _writable = writable;
        }

        LibvirtCall.Check(StreamNative.virStreamEventUpdateCallback(_stream, (int)(ReadEvents | StreamEvents.Writable)), "virStreamEventUpdateCallback");
        return (0, writable.Task);
    }

    /// <summary>Stops callbacks, aborts the stream (a console has no orderly end) and frees it.</summary>
    internal void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        if (_callbackRegistered)
        {
            _ = StreamNative.virStreamEventRemoveCallback(_stream);
        }

        if (!_ended)
        {
            _ = StreamNative.virStreamAbort(_stream);
        }

        _stream.Dispose();
        lock (_gate)
        {
            _ended = true;
            _writable?.TrySetException(new ObjectDisposedException(nameof(ConsoleStream)));
            _writable = null;
        }

        _incoming.Writer.TryComplete();
    }
}
