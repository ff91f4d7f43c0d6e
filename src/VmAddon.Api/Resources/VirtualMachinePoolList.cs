using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachinePool"/> as the API server returns it.</summary>
public sealed record VirtualMachinePoolList : IKubernetesObject<V1ListMeta>, IItems<VirtualMachinePool>
{
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; } = VirtualMachinePool.KubeKind + "List";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<VirtualMachinePool> Items { get; set; } = [];
}
