namespace LibvirtSharp;

/// <summary>A domain's resources from <c>virDomainGetInfo</c>; memory in KiB as libvirt reports it.</summary>
public sealed record DomainInfo(DomainState State, ulong MaxMemoryKiB, ulong MemoryKiB, int VirtualCpuCount, TimeSpan CpuTime);
