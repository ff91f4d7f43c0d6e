namespace VmAddon.Cli.Console;

/// <summary>
/// The remote-command WebSocket framing (v4.channel.k8s.io): each binary message is a channel byte followed by its data.
/// v4 is served by every API server with WebSocket exec and reports the exit status as JSON; v5's only addition, closing
/// stdin, is not needed because the console detaches with a key, never by closing its input.
/// </summary>
internal static class ExecChannel
{
    public const string Protocol = "v4.channel.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;

    /// <summary>The metav1.Status of the finished command.</summary>
    public const byte Error = 3;

    /// <summary>Terminal sizes, as JSON {"Width":W,"Height":H}.</summary>
    public const byte Resize = 4;

    /// <summary>One message: <paramref name="channel"/>, then <paramref name="data"/>.</summary>
    public static byte[] Frame(byte channel, ReadOnlySpan<byte> data)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsSpan(1));
        return frame;
    }
}
