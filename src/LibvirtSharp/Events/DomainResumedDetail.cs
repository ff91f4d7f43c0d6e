namespace LibvirtSharp;

/// <summary>Detail of a Resumed event (<c>virDomainEventResumedDetailType</c>).</summary>
public enum DomainResumedDetail
{
    Unpaused = 0,
    Migrated = 1,
    FromSnapshot = 2,
    Postcopy = 3,
    PostcopyFailed = 4,
}
