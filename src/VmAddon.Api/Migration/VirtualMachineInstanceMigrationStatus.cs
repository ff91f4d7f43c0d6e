using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>Where a live migration is.</summary>
public sealed record VirtualMachineInstanceMigrationStatus
{
    [EnumValues(MigrationPhase.Pending, MigrationPhase.Scheduling, MigrationPhase.Scheduled, MigrationPhase.PreparingTarget,
        MigrationPhase.TargetReady, MigrationPhase.Running, MigrationPhase.Succeeded, MigrationPhase.Failed)]
    public string? Phase { get; init; }

    public IList<PhaseTransitionTimestamp>? PhaseTransitionTimestamps { get; init; }

    [ListMapKey("type")]
    public IList<Condition>? Conditions { get; init; }

    public MigrationState? MigrationState { get; init; }
}
