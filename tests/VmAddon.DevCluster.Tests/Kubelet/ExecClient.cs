using System.Net.WebSockets;
using System.Text;

namespace VmAddon.DevCluster.Tests.Kubelet;

/// <summary>A bare remote-command WebSocket client: collects what each channel receives until the server closes.</summary>
public sealed class ExecClient : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    private readonly Lock _lock = new();

    public Dictionary<byte, List<byte[]>> Frames { get; } = [];

    public string? Protocol => _socket.SubProtocol;

    public static async Task<ExecClient> ConnectAsync(Uri uri, params string[] protocols)
    {
        var client = new ExecClient();
        foreach (var protocol in protocols)
        {
            client._socket.Options.AddSubProtocol(protocol);
        }

        await client._socket.ConnectAsync(uri, CancellationToken.None);
        return client;
    }

    public string Text(byte channel)
    {
        lock (_lock)
        {
            return Frames.TryGetValue(channel, out var frames) ? Encoding.UTF8.GetString([.. frames.SelectMany(f => f)]) : "";
        }
    }

    /// <summary>Waits (while <see cref="ReceiveAllAsync"/> runs) until a channel's text satisfies the condition; fails after 20 s.</summary>
    public Task WaitForAsync(byte channel, Func<string, bool> condition, string what) =>
        Eventually.UntilAsync(() => Task.FromResult(condition(Text(channel))), what);

    public Task SendAsync(params byte[] frame) => _socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Reads frames until the server's close (answered with ours); fails after 20 s.</summary>
    public async Task ReceiveAllAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, guard.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, guard.Token);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var frame = message.ToArray();
                message.SetLength(0);
                lock (_lock)
                {
                    if (!Frames.TryGetValue(frame[0], out var list))
                    {
                        Frames[frame[0]] = list = [];
                    }

                    list.Add(frame[1..]);
                }
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
