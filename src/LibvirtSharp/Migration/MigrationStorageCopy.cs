namespace LibvirtSharp;

/// <summary>Whether a migration copies disk contents, for hosts that share no storage.</summary>
public enum MigrationStorageCopy
{
    /// <summary>The destination already sees the same disks.</summary>
    None = 0,

    /// <summary>Copy only the top layer of each disk; the destination holds the same backing images (VIR_MIGRATE_NON_SHARED_INC).</summary>
    Incremental = 1,

    /// <summary>Copy whole disks (VIR_MIGRATE_NON_SHARED_DISK).</summary>
    Full = 2,
}
