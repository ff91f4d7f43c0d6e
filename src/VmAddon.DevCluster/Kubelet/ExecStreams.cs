namespace VmAddon.DevCluster.Kubelet;

/// <summary>The streams an exec or attach asks for (remotecommand.Options): with a tty, stderr is merged into stdout and never asked for.</summary>
internal sealed record ExecStreams(bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    /// <summary>The channel that announces the connection with an empty frame: the lowest the client reads.</summary>
    public byte AnnounceChannel => Stdout ? ChannelProtocol.Stdout : Stderr ? ChannelProtocol.Stderr : ChannelProtocol.Error;

    /// <summary>Reads stdin, stdout, stderr and tty as the kubelet does (strconv.ParseBool); null with the kubelet's message when none of the three streams is asked for.</summary>
    public static ExecStreams? Parse(Func<string, string?> query, out string? error)
    {
        var tty = Flag(query("tty"));
        var streams = new ExecStreams(Flag(query("stdin")), Flag(query("stdout")), Flag(query("stderr")) && !tty, tty);
        error = streams.Stdin || streams.Stdout || streams.Stderr ? null : "you must specify at least 1 of stdin, stdout, stderr";
        return error is null ? streams : null;
    }

    /// <summary>Go's strconv.ParseBool truth values; anything else is false.</summary>
    public static bool Flag(string? value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
