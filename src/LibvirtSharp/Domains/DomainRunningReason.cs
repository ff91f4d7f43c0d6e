namespace LibvirtSharp;

/// <summary>Why a domain is running (<c>virDomainRunningReason</c>).</summary>
public enum DomainRunningReason
{
    Unknown = 0,
    Booted = 1,
    Migrated = 2,
    Restored = 3,
    FromSnapshot = 4,
    Unpaused = 5,
    MigrationCanceled = 6,
    SaveCanceled = 7,
    Wakeup = 8,
    Crashed = 9,
    Postcopy = 10,
}
