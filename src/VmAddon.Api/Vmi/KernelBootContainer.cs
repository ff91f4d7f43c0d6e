using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The container image that holds a kernel and initrd for direct kernel boot.</summary>
public sealed record KernelBootContainer
{
    [RequiredField, Doc("The image reference.")]
    public string Image { get; init; } = "";

    [Doc("The secret used to pull the image.")]
    public string? ImagePullSecret { get; init; }

    [Doc("The absolute path of the kernel inside the image.")]
    [Pattern("^/.*")]
    public string? KernelPath { get; init; }

    [Doc("The absolute path of the initrd inside the image.")]
    [Pattern("^/.*")]
    public string? InitrdPath { get; init; }

    [EnumValues("Always", "IfNotPresent", "Never")]
    public string? ImagePullPolicy { get; init; }
}
