namespace LibvirtSharp;

/// <summary>Why a domain is paused (<c>virDomainPausedReason</c>).</summary>
public enum DomainPausedReason
{
    Unknown = 0,
    User = 1,
    Migration = 2,
    Save = 3,
    Dump = 4,
    IOError = 5,
    Watchdog = 6,
    FromSnapshot = 7,
    ShuttingDown = 8,
    Snapshot = 9,
    Crashed = 10,
    StartingUp = 11,
    Postcopy = 12,
    PostcopyFailed = 13,
}
