using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Domain;

/// <summary>Boot loader (BIOS or EFI), direct kernel boot and the SMBIOS identity.</summary>
internal static class FirmwareConfigurator
{
    private const string Path = "spec.domain.firmware";

    public static (DomainOs Os, DomainSysinfo? Sysinfo) Configure(Firmware? firmware, string machine)
    {
        var sysinfo = string.IsNullOrEmpty(firmware?.Uuid) && string.IsNullOrEmpty(firmware?.Serial)
            ? null
            : new DomainSysinfo { Uuid = NullIfEmpty(firmware.Uuid), Serial = NullIfEmpty(firmware.Serial) };
        var os = Bootloader(firmware?.Bootloader, machine) with { SmbiosFromSysinfo = sysinfo is not null };
        return (KernelBoot(firmware?.KernelBoot, os), sysinfo);
    }

    private static DomainOs Bootloader(Bootloader? bootloader, string machine)
    {
        if (bootloader?.Efi is { } efi)
        {
            if (bootloader.Bios is not null)
            {
                throw SpecError.Invalid($"{Path}.bootloader", "set only one of bios and efi");
            }

            if (efi.Persistent == true)
            {
                throw SpecError.Unsupported($"{Path}.bootloader.efi.persistent", "persistent EFI variables are not supported yet");
            }

            // libvirt picks an OVMF build from QEMU's firmware descriptors. Secure boot is always
            // off: the validator rejects secureBoot=true, and no secure boot build is set up for it.
            return new DomainOs { Machine = machine, Firmware = "efi", SecureBoot = false };
        }

        return new DomainOs { Machine = machine, BiosUseSerial = bootloader?.Bios?.UseSerial == true };
    }

    private static DomainOs KernelBoot(KernelBoot? kernelBoot, DomainOs os)
    {
        if (kernelBoot is null)
        {
            return os;
        }

        var container = kernelBoot.Container;
        if (container is null)
        {
            return string.IsNullOrEmpty(kernelBoot.KernelArgs)
                ? os
                : throw SpecError.Invalid($"{Path}.kernelBoot.container", "is required when kernelArgs is set");
        }

        var path = $"{Path}.kernelBoot.container";
        if (string.IsNullOrEmpty(container.KernelPath))
        {
            // QEMU accepts an initrd only together with a kernel.
            throw SpecError.Invalid($"{path}.kernelPath", "is required for kernel boot");
        }

        return os with
        {
            Kernel = InKernelBootDir(container.KernelPath, $"{path}.kernelPath"),
            Initrd = string.IsNullOrEmpty(container.InitrdPath) ? null : InKernelBootDir(container.InitrdPath, $"{path}.initrdPath"),
            KernelCommandLine = NullIfEmpty(kernelBoot.KernelArgs),
        };
    }

    /// <summary>The image's path as seen in the launcher, where the kernel boot image is mounted.</summary>
    private static string InKernelBootDir(string imagePath, string field)
    {
        if (imagePath.Split('/').Contains(".."))
        {
            throw SpecError.Invalid(field, $"\"{imagePath}\" must stay inside the image; \"..\" is not allowed");
        }

        return $"{LauncherLayout.KernelBootDir}/{imagePath.TrimStart('/')}";
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
