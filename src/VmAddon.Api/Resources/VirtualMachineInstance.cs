using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>One running incarnation of a virtual machine, as a Pod is to a Deployment.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachineInstance : IKubernetesObject<V1ObjectMeta>, ISpec<VirtualMachineInstanceSpec>, IStatus<VirtualMachineInstanceStatus?>
{
    public const string KubeKind = ApiGroup.VirtualMachineInstanceKind;
    public const string Plural = "virtualmachineinstances";

    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    [JsonPropertyOrder(-2)]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    public VirtualMachineInstanceSpec Spec { get; set; } = new();

    public VirtualMachineInstanceStatus? Status { get; set; }
}
