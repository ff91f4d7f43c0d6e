using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>What the agent and controller observed of an instance.</summary>
public sealed record VirtualMachineInstanceStatus
{
    [Doc("Where the instance is in its life.")]
    [EnumValues(VirtualMachineInstancePhase.Pending, VirtualMachineInstancePhase.Scheduling, VirtualMachineInstancePhase.Scheduled,
        VirtualMachineInstancePhase.Running, VirtualMachineInstancePhase.Succeeded, VirtualMachineInstancePhase.Failed,
        VirtualMachineInstancePhase.Unknown)]
    public string? Phase { get; init; }

    [Doc("A CamelCase word that says why the instance is in this phase.")]
    public string? Reason { get; init; }

    [Doc("The node the instance runs on.")]
    public string? NodeName { get; init; }

    [ListMapKey("type")]
    public IList<Condition>? Conditions { get; init; }

    [Doc("When the instance entered each phase.")]
    public IList<PhaseTransitionTimestamp>? PhaseTransitionTimestamps { get; init; }

    [Doc("The guest's network interfaces and their addresses.")]
    public IList<NetworkInterfaceStatus>? Interfaces { get; init; }

    [Doc("The state of the latest live migration.")]
    public MigrationState? MigrationState { get; init; }
}
