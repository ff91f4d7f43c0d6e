namespace LibvirtSharp;

/// <summary>
/// A domain's serial console as an async-only, non-seekable <see cref="Stream"/>. Reads return what the guest printed
/// (0 at end of stream), writes go to the guest. One reader and one writer may run at once.
/// </summary>
public sealed class ConsoleStream : Stream
{
    private readonly ConsoleStreamPump _pump;
    private ReadOnlyMemory<byte> _pending;

    internal ConsoleStream(ConsoleStreamPump pump) => _pump = pump;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty)
        {
            // WaitToReadAsync rethrows the error the stream ended with, and returns false at a clean end.
            if (!await _pump.Incoming.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (_pump.Incoming.TryRead(out var chunk))
            {
                _pending = chunk;
            }
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _pump.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
        // Every write is handed to libvirt before it completes; there is nothing buffered here.
    }

    /// <summary>Blocking reads would tie up a thread on a guest that may never print again; use ReadAsync.</summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("ConsoleStream is asynchronous: use ReadAsync.");

    /// <summary>Use WriteAsync, for the same reason as <see cref="Read"/>.</summary>
    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("ConsoleStream is asynchronous: use WriteAsync.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        // Aborting a remote stream is a daemon round trip, so keep it off the caller's thread.
        await Task.Run(_pump.Close).ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pump.Close();
        }

        base.Dispose(disposing);
    }
}
