using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A disk on a PersistentVolumeClaim. Accepted by the schema so it can be rejected by name; not supported yet.</summary>
public sealed record PersistentVolumeClaimSource
{
    [RequiredField]
    public string ClaimName { get; init; } = "";

    public bool? ReadOnly { get; init; }
}
