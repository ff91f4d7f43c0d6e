namespace LibvirtSharp;

/// <summary>Detail of a Suspended event (<c>virDomainEventSuspendedDetailType</c>).</summary>
public enum DomainSuspendedDetail
{
    Paused = 0,
    Migrated = 1,
    IOError = 2,
    Watchdog = 3,
    Restored = 4,
    FromSnapshot = 5,
    ApiError = 6,
    Postcopy = 7,
    PostcopyFailed = 8,
}
