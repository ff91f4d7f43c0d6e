using System.Text;

namespace VmAddon.Cli.Tests.Console;

/// <summary>What reached the user's terminal, collected as it is written.</summary>
internal sealed class Screen : OneWayStream
{
    private readonly Lock _lock = new();
    private readonly MemoryStream _written = new();

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return Encoding.UTF8.GetString(_written.GetBuffer(), 0, (int)_written.Length);
            }
        }
    }

    /// <summary>Waits until the screen shows <paramref name="text"/>; fails after the hang guard, saying what it showed.</summary>
    public async Task WaitForAsync(string text)
    {
        try
        {
            await Eventually.UntilAsync(() => Text.Contains(text, StringComparison.Ordinal), $"the screen to show \"{text}\"");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; it shows \"{Text}\"", e);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_lock)
        {
            _written.Write(buffer, offset, count);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _written.Write(buffer.Span);
        }

        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanWrite => true;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _written.Dispose();
        }

        base.Dispose(disposing);
    }
}
