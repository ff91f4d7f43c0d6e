namespace LibvirtSharp;

/// <summary>Why a domain is shut off (<c>virDomainShutoffReason</c>).</summary>
public enum DomainShutoffReason
{
    Unknown = 0,
    Shutdown = 1,
    Destroyed = 2,
    Crashed = 3,
    Migrated = 4,
    Saved = 5,
    Failed = 6,
    FromSnapshot = 7,
    Daemon = 8,
}
