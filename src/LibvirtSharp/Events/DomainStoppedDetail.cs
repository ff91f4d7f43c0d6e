namespace LibvirtSharp;

/// <summary>Detail of a Stopped event (<c>virDomainEventStoppedDetailType</c>).</summary>
public enum DomainStoppedDetail
{
    Shutdown = 0,
    Destroyed = 1,
    Crashed = 2,
    Migrated = 3,
    Saved = 4,
    Failed = 5,
    FromSnapshot = 6,
}
