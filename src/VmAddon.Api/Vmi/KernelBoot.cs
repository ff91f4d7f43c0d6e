using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>Direct kernel boot: the kernel and initrd come from a container image.</summary>
public sealed record KernelBoot
{
    [Doc("The kernel command line.")]
    public string? KernelArgs { get; init; }

    [Doc("The image that holds the kernel and initrd.")]
    public KernelBootContainer? Container { get; init; }
}
