using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>How many identical VMs a pool keeps, and how they are made and updated.</summary>
public sealed record VirtualMachinePoolSpec
{
    [Bounds(0), Doc("The number of VMs. Defaults to 1.")]
    public int? Replicas { get; init; }

    [RequiredField, Doc("Selects the pool's VMs; it must match the template's labels.")]
    public V1LabelSelector Selector { get; init; } = new();

    [RequiredField, Doc("The template of each VM.")]
    public VirtualMachineTemplateSpec VirtualMachineTemplate { get; init; } = new();

    [Doc("Stop creating, deleting and updating VMs while true.")]
    public bool? Paused { get; init; }

    [Doc("How changes to the template reach existing VMs.")]
    public VirtualMachinePoolUpdateStrategy? UpdateStrategy { get; init; }
}
