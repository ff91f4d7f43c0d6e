namespace LibvirtSharp;

/// <summary>Where libvirt learns a guest's addresses (<c>virDomainInterfaceAddressesSource</c>).</summary>
public enum InterfaceAddressSource
{
    Lease = 0,
    Agent = 1,
    Arp = 2,
}
