using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A disk image on the node. Accepted by the schema so it can be rejected by name; not supported yet.</summary>
public sealed record HostDiskSource
{
    [RequiredField]
    public string Path { get; init; } = "";

    [EnumValues("Disk", "DiskOrCreate")]
    public string? Type { get; init; }

    public ResourceQuantity? Capacity { get; init; }

    public bool? Shared { get; init; }
}
