namespace VmAddon.DevCluster.Kubelet;

/// <summary>A remote-command WebSocket subprotocol: frames start with a channel byte (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize).</summary>
/// <param name="Name">The Sec-WebSocket-Protocol value; empty when the client names none (then the v1 rules apply).</param>
/// <param name="Base64">Text frames: the channel as an ASCII digit, then the data in base64.</param>
/// <param name="StatusJson">v4 and later: the error channel carries a metav1.Status as JSON (with the exit code), else plain text on failure only.</param>
/// <param name="StreamClose">v5: a frame {255, channel} half-closes that channel (kubectl sends it when its stdin ends).</param>
public sealed record ChannelProtocol(string Name, bool Base64, bool StatusJson, bool StreamClose)
{
    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    public static readonly ChannelProtocol V5 = new("v5.channel.k8s.io", Base64: false, StatusJson: true, StreamClose: true);

    /// <summary>Every protocol the kubelet serves, newest first.</summary>
    public static readonly IReadOnlyList<ChannelProtocol> All =
    [
        V5,
        new("v4.channel.k8s.io", Base64: false, StatusJson: true, StreamClose: false),
        new("v4.base64.channel.k8s.io", Base64: true, StatusJson: true, StreamClose: false),
        new("channel.k8s.io", Base64: false, StatusJson: false, StreamClose: false),
        new("base64.channel.k8s.io", Base64: true, StatusJson: false, StreamClose: false),
    ];

    private static readonly ChannelProtocol Unnamed = new("", Base64: false, StatusJson: false, StreamClose: false);

    /// <summary>The first of the client's protocols (in its order) that is served, the unnamed v1 protocol when it asks for none, or null when none fits.</summary>
    public static ChannelProtocol? Negotiate(IReadOnlyList<string> requested) =>
        requested.Count == 0 ? Unnamed : requested.Select(name => All.FirstOrDefault(p => p.Name == name)).FirstOrDefault(p => p is not null);

    /// <summary>Encodes one frame for the wire.</summary>
    public byte[] Frame(byte channel, ReadOnlySpan<byte> data)
    {
        if (Base64)
        {
            return System.Text.Encoding.ASCII.GetBytes((char)('0' + channel) + Convert.ToBase64String(data));
        }

        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsSpan(1));
        return frame;
    }

    /// <summary>Decodes a received frame into its channel and data; false when it is empty or not valid base64.</summary>
    public bool TryRead(ReadOnlySpan<byte> frame, out byte channel, out byte[] data)
    {
        channel = 0;
        data = [];
        if (frame.IsEmpty)
        {
            return false;
        }

        if (!Base64 || (StreamClose && frame[0] == Close))
        {
            channel = frame[0];
            data = frame[1..].ToArray();
            return true;
        }

        channel = (byte)(frame[0] - '0');
        var decoded = new byte[((frame.Length - 1) * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(System.Text.Encoding.ASCII.GetString(frame[1..]), decoded, out var written))
        {
            return false;
        }

        data = decoded[..written];
        return true;
    }
}
