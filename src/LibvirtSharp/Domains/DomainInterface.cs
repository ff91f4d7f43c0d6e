namespace LibvirtSharp;

/// <summary>One guest network interface and its addresses.</summary>
public sealed record DomainInterface(string Name, string? HardwareAddress, IReadOnlyList<DomainIpAddress> Addresses);
