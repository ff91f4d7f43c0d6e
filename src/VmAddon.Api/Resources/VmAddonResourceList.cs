using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A list of one VmAddon kind, as the API server returns it.</summary>
public abstract record VmAddonResourceList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
{
    protected VmAddonResourceList(string kind)
    {
        Kind = kind + "List";
    }

    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; }

    public V1ListMeta Metadata { get; set; } = new();

    public IList<T> Items { get; set; } = [];
}
