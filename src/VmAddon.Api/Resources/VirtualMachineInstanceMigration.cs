using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmAddon.Api;

/// <summary>A request to live-migrate a running instance to another node.</summary>
[KubernetesEntity(Group = ApiGroup.Group, Kind = KubeKind, ApiVersion = ApiGroup.Version, PluralName = Plural)]
public sealed record VirtualMachineInstanceMigration : IKubernetesObject<V1ObjectMeta>, ISpec<VirtualMachineInstanceMigrationSpec>, IStatus<VirtualMachineInstanceMigrationStatus?>
{
    public const string KubeKind = ApiGroup.VirtualMachineInstanceMigrationKind;
    public const string Plural = "virtualmachineinstancemigrations";

    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    [JsonPropertyOrder(-2)]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    public VirtualMachineInstanceMigrationSpec Spec { get; set; } = new();

    public VirtualMachineInstanceMigrationStatus? Status { get; set; }
}
