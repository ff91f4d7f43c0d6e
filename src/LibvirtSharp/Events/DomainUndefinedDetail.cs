namespace LibvirtSharp;

/// <summary>Detail of an Undefined event (<c>virDomainEventUndefinedDetailType</c>).</summary>
public enum DomainUndefinedDetail
{
    Removed = 0,
    Renamed = 1,
}
