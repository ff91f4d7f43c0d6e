using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachine"/> as the API server returns it.</summary>
public sealed record VirtualMachineList : IKubernetesObject<V1ListMeta>, IItems<VirtualMachine>
{
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; } = VirtualMachine.KubeKind + "List";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<VirtualMachine> Items { get; set; } = [];
}
