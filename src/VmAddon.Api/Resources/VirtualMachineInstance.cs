using k8s.Models;

namespace VmAddon.Api;

/// <summary>One running incarnation of a virtual machine, as a Pod is to a Deployment.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachineInstance() : VmAddonResource<VirtualMachineInstanceSpec, VirtualMachineInstanceStatus>(KubeKind)
{
    public const string KubeKind = ApiGroup.VirtualMachineInstanceKind;
    public const string Plural = "virtualmachineinstances";
}
