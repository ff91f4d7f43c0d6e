namespace VmAddon.Core.Domain;

/// <summary>The guest CPU: its count, topology and model.</summary>
public sealed record DomainCpu
{
    /// <summary>libvirt's CPU mode: <c>host-model</c>, <c>host-passthrough</c> or <c>custom</c>; null lets QEMU pick its default CPU.</summary>
    public string? Mode { get; init; }

    /// <summary>The named CPU model; set only when <see cref="Mode"/> is <c>custom</c>.</summary>
    public string? Model { get; init; }

    public required CpuTopology Topology { get; init; }

    /// <summary>The number of vCPUs: sockets × cores × threads.</summary>
    public int VcpuCount => Topology.Sockets * Topology.Cores * Topology.Threads;
}
