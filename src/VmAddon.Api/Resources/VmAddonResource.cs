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

    /// <summary>Never null: a document with <c>metadata: null</c> reads as empty metadata, so no caller meets a null.</summary>
    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata
    {
        get;
        set => field = value ?? new();
    } = new();

    /// <summary>Never null, for the same reason as <see cref="Metadata"/>.</summary>
    public TSpec Spec
    {
        get;
        set => field = value ?? new();
    } = new();

    public TStatus? Status { get; set; }
}
