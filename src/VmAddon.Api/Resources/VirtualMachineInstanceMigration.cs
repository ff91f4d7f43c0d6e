using k8s.Models;

namespace VmAddon.Api;

/// <summary>A request to live-migrate a running instance to another node.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachineInstanceMigration() : VmAddonResource<VirtualMachineInstanceMigrationSpec, VirtualMachineInstanceMigrationStatus>(KubeKind)
{
    public const string KubeKind = ApiGroup.VirtualMachineInstanceMigrationKind;
    public const string Plural = "virtualmachineinstancemigrations";
}
