namespace VmAddon.DevCluster.Storage;

/// <summary>Settings of an <see cref="ObjectStore"/>.</summary>
public sealed record ObjectStoreOptions
{
    /// <summary>Where the log and snapshot live. Default: null, memory only.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How many changes are kept for watch replay and continue tokens. Default: 10,000.</summary>
    public int HistoryLimit { get; init; } = 10_000;

    /// <summary>How many events a watcher may fall behind before it is closed as too slow. Default: 1,000.</summary>
    public int WatchBufferSize { get; init; } = 1_000;

    /// <summary>After how many logged writes the log is compacted into a snapshot. Default: 10,000.</summary>
    public int SnapshotEvery { get; init; } = 10_000;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(WatchBufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotEvery, 1);
    }
}
