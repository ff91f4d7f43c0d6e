using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>The shape all four VmAddon kinds share: type meta, object meta, a spec and an optional status.</summary>
public abstract record VmAddonResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : new()
    where TStatus : class
{
    protected VmAddonResource(string kind)
    {
        Kind = kind;
    }

    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    [JsonPropertyOrder(-2)]
    public string Kind { get; set; }

    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    public TSpec Spec { get; set; } = new();

    public TStatus? Status { get; set; }
}
