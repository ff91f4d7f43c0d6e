using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The guest's firmware: boot loader, direct kernel boot, and SMBIOS identity.</summary>
public sealed record Firmware
{
    [Doc("The SMBIOS system UUID. Defaults to one derived from the instance's name.")]
    [Pattern("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    public string? Uuid { get; init; }

    [Doc("The SMBIOS system serial number.")]
    public string? Serial { get; init; }

    [Doc("BIOS or EFI. Defaults to BIOS.")]
    public Bootloader? Bootloader { get; init; }

    [Doc("Boot a kernel and initrd directly, without a boot loader.")]
    public KernelBoot? KernelBoot { get; init; }
}
