using System.Text;
using System.Threading.Channels;

namespace VmAddon.Cli.Tests.Console;

/// <summary>A user's keystrokes as a stream: what the test types is read in order; <see cref="End"/> ends the input like a pipe closing.</summary>
internal sealed class Keyboard : OneWayStream
{
    private readonly Channel<byte[]> _typed = Channel.CreateUnbounded<byte[]>();
    private ReadOnlyMemory<byte> _pending;

    public void Type(string text) => Type(Encoding.UTF8.GetBytes(text));

    public void Type(params byte[] keys) => _typed.Writer.TryWrite(keys);

    public void End() => _typed.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.IsEmpty)
        {
            if (!await _typed.Reader.WaitToReadAsync(cancellationToken))
            {
                return 0;
            }

            _pending = await _typed.Reader.ReadAsync(cancellationToken);
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

    public override bool CanRead => true;
}
