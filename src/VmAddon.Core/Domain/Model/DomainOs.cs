namespace VmAddon.Core.Domain;

/// <summary>The <c>&lt;os&gt;</c> block: machine type, firmware and direct kernel boot.</summary>
public sealed record DomainOs
{
    /// <summary>The guest architecture; the machine types VmAddon offers (q35, pc) are x86_64 only.</summary>
    public string Arch { get; init; } = "x86_64";

    /// <summary>The QEMU machine type, for example <c>q35</c>.</summary>
    public required string Machine { get; init; }

    /// <summary>Firmware for libvirt to autoselect: <c>efi</c>, or null for the BIOS default.</summary>
    public string? Firmware { get; init; }

    /// <summary>Whether the EFI firmware must support secure boot; rendered only with EFI.</summary>
    public bool SecureBoot { get; init; }

    /// <summary>Show SeaBIOS output on the serial port.</summary>
    public bool BiosUseSerial { get; init; }

    public string? Kernel { get; init; }

    public string? Initrd { get; init; }

    public string? KernelCommandLine { get; init; }

    /// <summary>Take SMBIOS data from <see cref="DomainDefinition.Sysinfo"/>.</summary>
    public bool SmbiosFromSysinfo { get; init; }
}
