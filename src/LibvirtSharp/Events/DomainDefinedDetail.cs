namespace LibvirtSharp;

/// <summary>Detail of a Defined event (<c>virDomainEventDefinedDetailType</c>).</summary>
public enum DomainDefinedDetail
{
    Added = 0,
    Updated = 1,
    Renamed = 2,
    FromSnapshot = 3,
}
