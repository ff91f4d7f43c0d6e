using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachineInstance"/> as the API server returns it.</summary>
public sealed record VirtualMachineInstanceList : IKubernetesObject<V1ListMeta>, IItems<VirtualMachineInstance>
{
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; } = VirtualMachineInstance.KubeKind + "List";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<VirtualMachineInstance> Items { get; set; } = [];
}
