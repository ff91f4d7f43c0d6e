using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>What the controller observed of a virtual machine.</summary>
public sealed record VirtualMachineStatus
{
    [Doc("A one-word status for humans, shown by kubectl get.")]
    public string? PrintableStatus { get; init; }

    [Doc("Whether the VM's instance exists.")]
    public bool? Created { get; init; }

    [Doc("Whether the VM's instance runs and is ready.")]
    public bool? Ready { get; init; }

    [ListMapKey("type")]
    public IList<Condition>? Conditions { get; init; }

    [Doc("Set while the VM backs off from repeated start failures.")]
    public VirtualMachineStartFailure? StartFailure { get; init; }

    [Doc("Start and Stop requests for the controller to carry out, oldest first (virtctl start/stop on a Manual VM).")]
    public IList<VirtualMachineStateChangeRequest>? StateChangeRequests { get; init; }

    [Doc("The metadata.generation the controller last acted on.")]
    public long? ObservedGeneration { get; init; }

    [Doc("The metadata.generation the running instance was made from.")]
    public long? DesiredGeneration { get; init; }
}
