namespace VmAddon.Api.Validation;

/// <summary>Firmware: one boot loader, no Secure Boot yet, and a kernel boot that names its files.</summary>
internal static class FirmwareRules
{
    public static void Validate(Firmware? firmware, string path, FieldErrors errors)
    {
        if (firmware?.Bootloader is { } bootloader)
        {
            var loaderPath = $"{path}.bootloader";
            if (bootloader.Bios is not null && bootloader.Efi is not null)
            {
                errors.Add(loaderPath, "may set only one of bios or efi");
            }

            if (bootloader.Efi?.SecureBoot == true)
            {
                errors.Add($"{loaderPath}.efi.secureBoot",
                    "EFI secure boot is not supported by VmAddon yet; it defaults to true, so set secureBoot: false");
            }

            if (bootloader.Efi?.Persistent == true)
            {
                errors.NotSupportedYet($"{loaderPath}.efi.persistent", "persistent EFI variables");
            }
        }

        if (firmware?.KernelBoot is { } kernelBoot)
        {
            var kernelPath = $"{path}.kernelBoot";
            if (kernelBoot.Container is not { } container)
            {
                errors.Required($"{kernelPath}.container", "kernel boot needs a container image holding the kernel");
                return;
            }

            if (string.IsNullOrWhiteSpace(container.Image))
            {
                errors.Required($"{kernelPath}.container.image", "name the image that holds the kernel and initrd");
            }

            if (string.IsNullOrEmpty(container.KernelPath) && string.IsNullOrEmpty(container.InitrdPath))
            {
                errors.Required($"{kernelPath}.container", "set kernelPath, initrdPath or both");
            }

            if (string.IsNullOrEmpty(container.KernelPath) && !string.IsNullOrEmpty(kernelBoot.KernelArgs))
            {
                errors.Add($"{kernelPath}.kernelArgs", "kernel arguments need a kernelPath");
            }
        }
    }
}
