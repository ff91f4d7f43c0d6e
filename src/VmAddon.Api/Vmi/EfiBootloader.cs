using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>UEFI boot with OVMF.</summary>
public sealed record EfiBootloader
{
    [Doc("Enable Secure Boot. Defaults to true, as in KubeVirt; VmAddon does not support it yet, so set it to false.")]
    public bool? SecureBoot { get; init; }

    [Doc("Keep the EFI variables across restarts. Not supported yet.")]
    public bool? Persistent { get; init; }
}
