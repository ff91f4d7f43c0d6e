using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A disk image shipped in a container image, used read-only under a private overlay.</summary>
public sealed record ContainerDiskSource
{
    [RequiredField, Doc("The container image that holds the disk under /disk.")]
    public string Image { get; init; } = "";

    [Doc("The secret used to pull the image.")]
    public string? ImagePullSecret { get; init; }

    [Doc("The disk's absolute path in the image. Defaults to the only file under /disk.")]
    [Pattern("^/.*")]
    public string? Path { get; init; }

    [EnumValues("Always", "IfNotPresent", "Never")]
    public string? ImagePullPolicy { get; init; }
}
