namespace VmAddon.DevCluster.Kubelet;

/// <summary>What part of a container log to read: PodLogOptions as the kubelet applies them to a CRI log file.</summary>
public sealed record CriLogOptions
{
    /// <summary>Only the last this many lines of the file; null reads all.</summary>
    public long? TailLines { get; init; }

    /// <summary>Stop after this many bytes of output (a line is cut); null has no limit.</summary>
    public long? LimitBytes { get; init; }

    /// <summary>Skip records older than this.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Keep reading as the file grows until it is complete (see <see cref="CriLogWriter"/>) or the request ends.</summary>
    public bool Follow { get; init; }

    /// <summary>Prefix each record with its RFC3339NanoFixed timestamp and a space.</summary>
    public bool Timestamps { get; init; }

    /// <summary>Only this stream; null gives both, interleaved as written.</summary>
    public CriLogStream? Stream { get; init; }

    /// <summary>How often a follower looks for new records when the file has none.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
