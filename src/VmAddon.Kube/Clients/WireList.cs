using k8s;
using k8s.Models;

namespace VmAddon.Kube.Clients;

// The list envelope as the API server sends it, for any item type.
internal sealed class WireList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<T> Items { get; set; } = [];
}
