namespace VmAddon.Core.Domain;

/// <summary>A libvirt domain: the subset of libvirt's domain XML that VmAddon renders from a VirtualMachineInstance.</summary>
public sealed record DomainDefinition
{
    /// <summary>The hypervisor: <c>kvm</c>, or <c>qemu</c> for software emulation (TCG).</summary>
    public required string Type { get; init; }

    /// <summary>The domain's name, <c>namespace_name</c> as KubeVirt names it.</summary>
    public required string Name { get; init; }

    /// <summary>The domain UUID; libvirt generates one when null.</summary>
    public string? Uuid { get; init; }

    /// <summary>Guest memory in KiB.</summary>
    public required long MemoryKiB { get; init; }

    public required DomainCpu Cpu { get; init; }

    /// <summary>SMBIOS system information; null when the VMI sets no firmware identity.</summary>
    public DomainSysinfo? Sysinfo { get; init; }

    public required DomainOs Os { get; init; }

    /// <summary>Hypervisor features such as <c>acpi</c>, each an empty element under <c>&lt;features&gt;</c>.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The size of TCG's translation cache in MiB under software emulation; null leaves QEMU's default.</summary>
    public int? TcgTranslationCacheMiB { get; init; }

    /// <summary>The guest clock's offset, <c>utc</c> as in KubeVirt.</summary>
    public string ClockOffset { get; init; } = "utc";

    public string OnPoweroff { get; init; } = "destroy";

    public string OnReboot { get; init; } = "restart";

    public string OnCrash { get; init; } = "destroy";

    public required DomainDevices Devices { get; init; }

    /// <summary>Extra QEMU arguments, passed through <c>&lt;qemu:commandline&gt;</c>; used for what session libvirt cannot express.</summary>
    public IReadOnlyList<string> QemuArguments { get; init; } = [];
}
