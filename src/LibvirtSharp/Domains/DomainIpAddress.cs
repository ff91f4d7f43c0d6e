using System.Net;

namespace LibvirtSharp;

/// <summary>One address of a guest interface, with its prefix length.</summary>
public sealed record DomainIpAddress(IPAddress Address, int PrefixLength);
