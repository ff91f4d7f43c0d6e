using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A scalable set of identical virtual machines.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachinePool : IKubernetesObject<V1ObjectMeta>, ISpec<VirtualMachinePoolSpec>, IStatus<VirtualMachinePoolStatus?>
{
    public const string KubeKind = ApiGroup.VirtualMachinePoolKind;
    public const string Plural = "virtualmachinepools";

    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    [JsonPropertyOrder(-2)]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    public VirtualMachinePoolSpec Spec { get; set; } = new();

    public VirtualMachinePoolStatus? Status { get; set; }
}
