using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The boot loader; at most one of bios and efi is set.</summary>
public sealed record Bootloader
{
    [Doc("Legacy BIOS (SeaBIOS).")]
    public BiosBootloader? Bios { get; init; }

    [Doc("UEFI (OVMF).")]
    public EfiBootloader? Efi { get; init; }
}
