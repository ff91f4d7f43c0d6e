using k8s.Models;

namespace VmAddon.Api;

/// <summary>A persistent virtual machine: a run strategy and a template for its instances.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachine() : VmAddonResource<VirtualMachineSpec, VirtualMachineStatus>(KubeKind)
{
    public const string KubeKind = ApiGroup.VirtualMachineKind;
    public const string Plural = "virtualmachines";
}
