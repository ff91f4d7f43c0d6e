using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>What a VirtualMachineInstance runs: its virtual hardware, volumes, networks and placement.</summary>
public sealed record VirtualMachineInstanceSpec
{
    [RequiredField, Doc("The virtual hardware of the guest.")]
    public DomainSpec Domain { get; init; } = new();

    [ListMapKey("name"), Doc("The volumes that disks refer to by name.")]
    public IList<Volume>? Volumes { get; init; }

    [ListMapKey("name"), Doc("The networks that interfaces refer to by name.")]
    public IList<Network>? Networks { get; init; }

    [Doc("Labels a node must have to run this instance.")]
    public IDictionary<string, string>? NodeSelector { get; init; }

    [Doc("Scheduling constraints, copied to the launcher Pod.")]
    public V1Affinity? Affinity { get; init; }

    [Doc("Taints this instance tolerates, copied to the launcher Pod.")]
    public IList<V1Toleration>? Tolerations { get; init; }

    [Doc("What happens on node drain: LiveMigrate, LiveMigrateIfPossible, None or External.")]
    [EnumValues(Api.EvictionStrategy.None, Api.EvictionStrategy.LiveMigrate, Api.EvictionStrategy.LiveMigrateIfPossible, Api.EvictionStrategy.External)]
    public string? EvictionStrategy { get; init; }

    [Doc("Seconds the guest is given to shut down before it is powered off.")]
    [Bounds(0)]
    public long? TerminationGracePeriodSeconds { get; init; }

    [Doc("The guest's hostname; defaults to the instance's name.")]
    [Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    public string? Hostname { get; init; }

    [Doc("Start the guest paused when set to Paused.")]
    [EnumValues(Api.StartStrategy.Paused)]
    public string? StartStrategy { get; init; }
}
