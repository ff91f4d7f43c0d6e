using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachineInstanceMigration"/> as the API server returns it.</summary>
public sealed record VirtualMachineInstanceMigrationList : IKubernetesObject<V1ListMeta>, IItems<VirtualMachineInstanceMigration>
{
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; } = VirtualMachineInstanceMigration.KubeKind + "List";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<VirtualMachineInstanceMigration> Items { get; set; } = [];
}
