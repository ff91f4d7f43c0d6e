using System.Text;

namespace VmAddon.DevCluster.Tests.Streaming;

/// <summary>Collects a stream's text in the background, so a test can wait for what it expects to appear.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public ProcessOutput(Stream stream)
    {
        Completion = PumpAsync(stream);
    }

    /// <summary>Completes when the stream ends.</summary>
    public Task Completion { get; }

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Waits until the text so far satisfies the condition; fails after 20 s with the text seen.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, Func<Task>? poke = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition(Text))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up waiting for {what}; output so far: {Text}");
            }

            if (poke is not null)
            {
                await poke();
            }

            await Task.Delay(poke is null ? 20 : 200);
        }

        return Text;
    }

    private async Task PumpAsync(Stream stream)
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            lock (_lock)
            {
                _text.Append(chars, 0, count);
            }
        }
    }
}
