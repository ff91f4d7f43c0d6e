namespace LibvirtSharp;

/// <summary>Detail of a Started event (<c>virDomainEventStartedDetailType</c>).</summary>
public enum DomainStartedDetail
{
    Booted = 0,
    Migrated = 1,
    Restored = 2,
    FromSnapshot = 3,
    Wakeup = 4,
}
