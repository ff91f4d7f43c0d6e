using System.Text;
using System.Net.Sockets;

namespace VmAddon.TestHost;

/// <summary>Reads a guest's serial console in the background and lets a test wait for text on it, or type.</summary>
public sealed class ConsoleReader : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly StringBuilder _text = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public ConsoleReader(Stream stream)
    {
        _stream = stream;
        _pump = PumpAsync();
    }

    /// <summary>Connects to the serial console's unix socket, where QEMU serves it.</summary>
    public static async Task<ConsoleReader> ConnectAsync(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        return new ConsoleReader(new NetworkStream(socket, ownsSocket: true));
    }

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Waits for <paramref name="text"/> to appear after position <paramref name="from"/>; returns the position after it.</summary>
    public async Task<int> WaitForAsync(string text, TimeSpan deadline, int from = 0)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var index = Text.IndexOf(text, from, StringComparison.Ordinal);
            if (index >= 0)
            {
                return index + text.Length;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"\"{text}\" did not appear on the console within {deadline}. The console said:\n{Text}");
            }

            await Task.Delay(50);
        }
    }

    public Task TypeAsync(string text) => _stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // The stream ends with the guest; nothing left to read.
        }

        await _stream.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            var read = await _stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            lock (_text)
            {
                _text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
    }
}
