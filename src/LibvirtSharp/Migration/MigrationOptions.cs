namespace LibvirtSharp;

/// <summary>How to live-migrate a domain; the defaults give a plain live migration that leaves definitions where they were.</summary>
public sealed record MigrationOptions
{
    /// <summary>Keep the guest running while its memory is copied (VIR_MIGRATE_LIVE). Default true.</summary>
    public bool Live { get; init; } = true;

    /// <summary>Define the domain persistently on the destination (VIR_MIGRATE_PERSIST_DEST). Default false.</summary>
    public bool PersistOnDestination { get; init; }

    /// <summary>Remove the source's definition once the migration succeeds (VIR_MIGRATE_UNDEFINE_SOURCE). Default false.</summary>
    public bool UndefineSource { get; init; }

    /// <summary>Cap on migration bandwidth in MiB/s (VIR_MIGRATE_PARAM_BANDWIDTH); null leaves the hypervisor's default.</summary>
    public ulong? BandwidthMiBPerSecond { get; init; }

    /// <summary>Where the destination hypervisor listens for the data, e.g. <c>tcp://127.0.0.1:49152</c> (VIR_MIGRATE_PARAM_URI); null lets libvirt choose.</summary>
    public string? MigrateUri { get; init; }

    /// <summary>Domain XML to use on the destination (VIR_MIGRATE_PARAM_DEST_XML); null keeps the source's.</summary>
    public string? DestinationXml { get; init; }

    /// <summary>Throttle a guest that dirties memory faster than it can be copied (VIR_MIGRATE_AUTO_CONVERGE). Default false.</summary>
    public bool AutoConverge { get; init; }

    /// <summary>Abort on a disk I/O error during migration (VIR_MIGRATE_ABORT_ON_ERROR). Default false.</summary>
    public bool AbortOnError { get; init; }

    /// <summary>Copy disk contents to the destination when the two hosts share no storage. Default none.</summary>
    public MigrationStorageCopy StorageCopy { get; init; }

    /// <summary>The target devices (vda, sdb...) whose contents are copied (VIR_MIGRATE_PARAM_MIGRATE_DISKS); null copies every writable disk.</summary>
    public IReadOnlyList<string>? DisksToCopy { get; init; }

    /// <summary>The port the destination's NBD server listens on for copied disks (VIR_MIGRATE_PARAM_DISKS_PORT); null lets libvirt choose.</summary>
    public int? DisksPort { get; init; }

    /// <summary>The address the destination listens on for the migration (VIR_MIGRATE_PARAM_LISTEN_ADDRESS); null listens on all.</summary>
    public string? ListenAddress { get; init; }
}
