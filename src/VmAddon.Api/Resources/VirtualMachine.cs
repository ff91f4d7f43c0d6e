using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A persistent virtual machine: a run strategy and a template for its instances.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachine : IKubernetesObject<V1ObjectMeta>, ISpec<VirtualMachineSpec>, IStatus<VirtualMachineStatus?>
{
    public const string KubeKind = ApiGroup.VirtualMachineKind;
    public const string Plural = "virtualmachines";

    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    [JsonPropertyOrder(-2)]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    public VirtualMachineSpec Spec { get; set; } = new();

    public VirtualMachineStatus? Status { get; set; }
}
