using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>How many of a pool's VMs exist and are ready.</summary>
public sealed record VirtualMachinePoolStatus
{
    [Doc("The number of VMs that exist.")]
    public int? Replicas { get; init; }

    [Doc("The number of VMs whose instance is ready.")]
    public int? ReadyReplicas { get; init; }

    [Doc("The selector in string form, for the scale subresource and HorizontalPodAutoscalers.")]
    public string? LabelSelector { get; init; }

    [ListMapKey("type")]
    public IList<Condition>? Conditions { get; init; }

    public long? ObservedGeneration { get; init; }
}
