namespace LibvirtSharp;

/// <summary>Detail of a Shutdown event (<c>virDomainEventShutdownDetailType</c>).</summary>
public enum DomainShutdownDetail
{
    Finished = 0,
    Guest = 1,
    Host = 2,
}
