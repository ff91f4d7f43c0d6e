using VmAddon.Api;

namespace VmAddon.Core.Domain;

/// <summary>Renders a defaulted, validated VirtualMachineInstance into the libvirt domain that runs it.</summary>
public static class DomainRenderer
{
    public const string KvmType = "kvm";
    public const string QemuType = "qemu";

    /// <summary>The namespace kubectl assumes when a manifest names none.</summary>
    private const string DefaultNamespace = "default";

    /// <summary>
    /// ACPI lets the guest be shut down gracefully (libvirt presses the ACPI power button), and APIC is
    /// what every x86 guest expects; KubeVirt sets both.
    /// </summary>
    private static readonly IReadOnlyList<string> s_features = ["acpi", "apic"];

    /// <summary>
    /// The domain for <paramref name="vmi"/>. Expects <see cref="ResourceDefaulter.Apply(VirtualMachineInstance)"/>
    /// to have run. Throws <see cref="ArgumentException"/> when something essential is missing or malformed and
    /// <see cref="NotSupportedException"/> for a feature VmAddon cannot run; both messages start with the field path.
    /// </summary>
    public static DomainDefinition Render(VirtualMachineInstance vmi, DomainRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(options);
        var name = vmi.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw SpecError.Invalid("metadata.name", "the instance needs a name");
        }

        var spec = vmi.Spec ?? throw SpecError.Invalid("spec", "the instance needs a spec");
        var domain = spec.Domain ?? throw SpecError.Invalid("spec.domain", "the instance needs a domain");
        var (os, sysinfo) = FirmwareConfigurator.Configure(domain.Firmware, MachineConfigurator.Configure(domain.Machine));
        var (disks, controllers) = DiskConfigurator.Configure(spec);
        var (interfaces, qemuArguments) = InterfaceConfigurator.Configure(spec);
        CheckBootOrders(spec);
        var uuid = domain.Firmware?.Uuid;
        var ns = vmi.Metadata!.NamespaceProperty;
        return new DomainDefinition
        {
            Type = options.SoftwareEmulation ? QemuType : KvmType,
            Name = $"{(string.IsNullOrEmpty(ns) ? DefaultNamespace : ns)}_{name}",
            Uuid = string.IsNullOrEmpty(uuid) ? null : uuid,
            MemoryKiB = MemoryConfigurator.ConfigureKiB(domain.Memory),
            Cpu = CpuConfigurator.Configure(domain.Cpu, options),
            Sysinfo = sysinfo,
            Os = os,
            Features = s_features,
            TcgTranslationCacheMiB = options.SoftwareEmulation ? options.TcgTranslationCacheMiB : null,
            Devices = new DomainDevices
            {
                Disks = disks,
                Controllers = controllers,
                Interfaces = interfaces,
                Serial = DeviceExtrasConfigurator.SerialConsole(domain.Devices),
                MemBalloon = DeviceExtrasConfigurator.MemBalloon(domain.Devices),
                Rng = DeviceExtrasConfigurator.Rng(domain.Devices),
            },
            QemuArguments = qemuArguments,
        };
    }

    /// <summary>libvirt and QEMU refuse two devices with one boot order, so name the second one here instead.</summary>
    private static void CheckBootOrders(VirtualMachineInstanceSpec spec)
    {
        var devices = spec.Domain.Devices;
        var ordered = (devices?.Disks ?? []).Select((d, i) => (d.BootOrder, Path: $"spec.domain.devices.disks[{i}].bootOrder"))
            .Concat((devices?.Interfaces ?? []).Select((n, i) => (n.BootOrder, Path: $"spec.domain.devices.interfaces[{i}].bootOrder")));
        var seen = new Dictionary<int, string>();
        foreach (var (order, path) in ordered)
        {
            if (order is not { } value)
            {
                continue;
            }

            if (value < 1)
            {
                throw SpecError.Invalid(path, $"must be at least 1, not {value}");
            }

            if (!seen.TryAdd(value, path))
            {
                throw SpecError.Invalid(path, $"boot order {value} is already used by {seen[value]}");
            }
        }
    }
}
