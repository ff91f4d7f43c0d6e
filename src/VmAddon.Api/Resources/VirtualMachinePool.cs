using k8s.Models;

namespace VmAddon.Api;

/// <summary>A scalable set of identical virtual machines.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachinePool() : VmAddonResource<VirtualMachinePoolSpec, VirtualMachinePoolStatus>(KubeKind)
{
    public const string KubeKind = ApiGroup.VirtualMachinePoolKind;
    public const string Plural = "virtualmachinepools";
}
