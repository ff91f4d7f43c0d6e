using System.Runtime.InteropServices;

namespace VmAddon.DevCluster.Streaming;

/// <summary>One direction of a pseudo-terminal's master: reads return the terminal's output, writes are typed input.</summary>
/// <remarks>
/// Reads block a thread-pool thread (a tty cannot be polled through .NET), and end (return 0) once no process holds the slave.
/// Disposing the input side types Ctrl-D, the terminal's end of input, instead of closing the master, which would hang up the session.
/// </remarks>
internal sealed class TerminalStream(PseudoTerminal terminal, bool input) : Stream
{
    private const byte EndOfTransmission = 0x04;
    private bool _disposed;

    public override bool CanRead => !input && !_disposed;

    public override bool CanWrite => input && !_disposed;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (input)
        {
            throw new NotSupportedException("the terminal's input side cannot be read");
        }

        if (_disposed || buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            int master;
            try
            {
                master = terminal.Master;
            }
            catch (ObjectDisposedException)
            {
                return 0;
            }

            var read = Libc.read(master, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (read >= 0)
            {
                return (int)read;
            }

            switch (Marshal.GetLastPInvokeError())
            {
                case Libc.Interrupted:
                    continue;
                case Libc.InputOutputError:
                    // Every slave descriptor is closed: the session is over.
                    return 0;
                default:
                    throw Libc.Error("read from the terminal");
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => Read(buffer.Span), cancellationToken));

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!input)
        {
            throw new NotSupportedException("the terminal's output side cannot be written");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        Libc.WriteAll(terminal.Master, buffer, "the terminal");
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A tty write blocks only while the line discipline's buffer is full; small keystroke writes return at once.
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && input)
        {
            try
            {
                Libc.WriteAll(terminal.Master, [EndOfTransmission], "the terminal");
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The session is already gone.
            }
        }

        _disposed = true;
        base.Dispose(disposing);
    }
}
