using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace VmAddon.DevCluster.Http;

/// <summary>An HTTP/1.1 upgrade request to a kubelet on a raw connection: on 101 the connection carries the upgraded protocol, byte for byte.</summary>
/// <remarks>
/// Raw, rather than ClientWebSocket, so the API server relays the kubelet's own handshake (accept key, subprotocol) and frames
/// untouched, as kube-apiserver's UpgradeAwareHandler does, and so a refusal's body can be turned into the caller's error.
/// </remarks>
internal sealed class KubeletUpgrade : IAsyncDisposable
{
    private const int MaxHead = 64 * 1024;
    private const int MaxBody = 50_000;

    private readonly TcpClient _client;

    private KubeletUpgrade(TcpClient client, int status, Dictionary<string, string> headers, byte[] body, ReadOnlyMemory<byte> early)
    {
        _client = client;
        StatusCode = status;
        Headers = headers;
        Body = body;
        Early = early;
    }

    public int StatusCode { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>A refusal's body (up to 50 000 bytes, as kube reads it); empty after 101.</summary>
    public byte[] Body { get; }

    /// <summary>Upgraded-protocol bytes that came with the 101 response.</summary>
    public ReadOnlyMemory<byte> Early { get; }

    public NetworkStream Stream => _client.GetStream();

    /// <summary>Connects, sends the request and reads the response head (and a refusal's body). Connection failures throw SocketException.</summary>
    public static async Task<KubeletUpgrade> SendAsync(KubeletLocation kubelet, string method, string pathAndQuery,
        IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(kubelet.Host, kubelet.Port, cancellationToken).ConfigureAwait(false);
            var request = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\n")
                .Append(CultureInfo.InvariantCulture, $"Host: {kubelet.Authority}\r\n");
            foreach (var (name, value) in headers)
            {
                request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), cancellationToken).ConfigureAwait(false);
            var (status, responseHeaders, rest) = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
            var body = status == 101 ? [] : await ReadBodyAsync(stream, responseHeaders, rest, cancellationToken).ConfigureAwait(false);
            return new KubeletUpgrade(client, status, responseHeaders, body, status == 101 ? rest : ReadOnlyMemory<byte>.Empty);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<(int Status, Dictionary<string, string> Headers, byte[] Early)> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        int end;
        while ((end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (length == buffer.Length)
            {
                throw new IOException("the kubelet's response head is too long");
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            length += read > 0 ? read : throw new IOException("the kubelet closed the connection before answering");
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new IOException($"the kubelet answered with no HTTP status line: \"{lines[0]}\"");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
            }
        }

        return (status, headers, buffer[(end + 4)..length]);
    }

    private static async Task<byte[]> ReadBodyAsync(NetworkStream stream, Dictionary<string, string> headers, byte[] rest, CancellationToken ct)
    {
        var raw = new MemoryStream();
        raw.Write(rest);
        if (headers.TryGetValue("Content-Length", out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var contentLength))
        {
            await ReadUntilAsync(stream, raw, () => raw.Length >= Math.Min(contentLength, MaxBody), ct).ConfigureAwait(false);
            return raw.ToArray()[..(int)Math.Min(raw.Length, Math.Min(contentLength, MaxBody))];
        }

        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            await ReadUntilAsync(stream, raw, () => raw.Length >= MaxBody || raw.ToArray().AsSpan().IndexOf("\r\n0\r\n"u8) >= 0 || raw.ToArray().AsSpan().StartsWith("0\r\n"u8), ct)
                .ConfigureAwait(false);
            return Dechunk(raw.ToArray());
        }

        await ReadUntilAsync(stream, raw, () => raw.Length >= MaxBody, ct).ConfigureAwait(false);
        return raw.ToArray()[..(int)Math.Min(raw.Length, MaxBody)];
    }

    private static async Task ReadUntilAsync(NetworkStream stream, MemoryStream into, Func<bool> enough, CancellationToken ct)
    {
        var buffer = new byte[8192];
        while (!enough())
        {
            var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            into.Write(buffer, 0, read);
        }
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        var body = new MemoryStream();
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(chunked[..lineEnd]).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            chunked = chunked[(lineEnd + 2)..];
            body.Write(chunked[..Math.Min(size, chunked.Length)]);
            chunked = chunked[Math.Min(size + 2, chunked.Length)..];
        }

        return body.ToArray();
    }
}
