namespace LibvirtSharp;

/// <summary>
/// A domain's memory statistics (<c>virDomainMemoryStats</c>), in KiB except the counters; a value is null when the
/// driver or guest does not report it (most need a balloon device, some a guest driver).
/// </summary>
public sealed record DomainMemoryStats
{
    public ulong? SwapInKiB { get; init; }

    public ulong? SwapOutKiB { get; init; }

    public ulong? MajorFaults { get; init; }

    public ulong? MinorFaults { get; init; }

    public ulong? UnusedKiB { get; init; }

    public ulong? AvailableKiB { get; init; }

    public ulong? ActualBalloonKiB { get; init; }

    public ulong? RssKiB { get; init; }

    public ulong? UsableKiB { get; init; }

    public DateTimeOffset? LastUpdate { get; init; }

    public ulong? DiskCachesKiB { get; init; }
}
