using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>How a pool rolls template changes out; at most one field is set. Defaults to proactive.</summary>
public sealed record VirtualMachinePoolUpdateStrategy
{
    [Doc("Restart VMs right away so they pick up the new template.")]
    public EmptyStrategy? Proactive { get; init; }

    [Doc("Update the VMs; their instances change at their next restart.")]
    public EmptyStrategy? Opportunistic { get; init; }

    [Doc("Leave existing VMs alone.")]
    public EmptyStrategy? Unmanaged { get; init; }
}
