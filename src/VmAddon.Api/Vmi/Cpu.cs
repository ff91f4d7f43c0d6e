using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The guest's CPU topology and model; vCPUs = sockets × cores × threads.</summary>
public sealed record Cpu
{
    [Bounds(1, 512), Doc("Cores per socket. Defaults to 1.")]
    public int? Cores { get; init; }

    [Bounds(1, 512), Doc("Sockets. Defaults to 1.")]
    public int? Sockets { get; init; }

    [Bounds(1, 64), Doc("Threads per core. Defaults to 1.")]
    public int? Threads { get; init; }

    [Doc("A libvirt CPU model name, or host-model or host-passthrough.")]
    [Pattern("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    public string? Model { get; init; }
}
