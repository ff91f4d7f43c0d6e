namespace VmAddon.Api;

/// <summary>Fills in defaults the way KubeVirt's mutating webhook does. Pure: returns new objects.</summary>
public static class ResourceDefaulter
{
    /// <summary>The namespace of KubeVirt's name-derived firmware UUIDs (RFC 4122 version 5).</summary>
    private static readonly Guid s_firmwareUuidNamespace = new("6a1a24a1-4061-4607-8bf4-a3963d0c5895");

    public static VirtualMachine Apply(VirtualMachine vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm with { Spec = Apply(vm.Spec, vm.Metadata.Name) };
    }

    public static VirtualMachineInstance Apply(VirtualMachineInstance vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        return vmi with { Spec = Apply(vmi.Spec, vmi.Metadata.Name) };
    }

    public static VirtualMachinePool Apply(VirtualMachinePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var template = pool.Spec.VirtualMachineTemplate;
        return pool with
        {
            Spec = pool.Spec with
            {
                Replicas = pool.Spec.Replicas ?? ApiDefaults.PoolReplicas,
                // No name: each replica gets its firmware UUID from its own name when it is made.
                VirtualMachineTemplate = template with { Spec = Apply(template.Spec, name: null) },
            },
        };
    }

    /// <summary>The run strategy a VM follows: the deprecated running flag wins, then runStrategy, then the default.</summary>
    public static string EffectiveRunStrategy(VirtualMachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Running switch
        {
            true => RunStrategy.Always,
            false => RunStrategy.Halted,
            null => spec.RunStrategy ?? ApiDefaults.RunStrategy,
        };
    }

    private static VirtualMachineSpec Apply(VirtualMachineSpec spec, string? name) =>
        spec.Template.Spec is { } vmiSpec
            ? spec with { Template = spec.Template with { Spec = Apply(vmiSpec, name) } }
            : spec;

    public static VirtualMachineInstanceSpec Apply(VirtualMachineInstanceSpec spec, string? name)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var domain = spec.Domain;
        var (interfaces, networks) = DefaultNetworking(spec);
        return spec with
        {
            TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds ?? ApiDefaults.TerminationGracePeriodSeconds,
            Networks = networks,
            Domain = domain with
            {
                Cpu = DefaultCpu(domain.Cpu),
                Machine = (domain.Machine ?? new Machine()) with { Type = domain.Machine?.Type ?? ApiDefaults.MachineType },
                Memory = DefaultMemory(domain),
                Firmware = DefaultFirmware(domain.Firmware, name),
                Devices = domain.Devices with
                {
                    Disks = DefaultDisks(domain.Devices.Disks, spec.Volumes),
                    Interfaces = interfaces,
                },
            },
        };
    }

    private static Cpu DefaultCpu(Cpu? cpu) => (cpu ?? new Cpu()) with
    {
        Cores = cpu?.Cores ?? ApiDefaults.CpuTopologyUnit,
        Sockets = cpu?.Sockets ?? ApiDefaults.CpuTopologyUnit,
        Threads = cpu?.Threads ?? ApiDefaults.CpuTopologyUnit,
    };

    private static Memory? DefaultMemory(DomainSpec domain)
    {
        if (domain.Memory?.Guest is not null)
        {
            return domain.Memory;
        }

        // KubeVirt: without memory.guest, the guest gets what the instance requests.
        return domain.Resources?.Requests?.TryGetValue("memory", out var requested) == true
            ? (domain.Memory ?? new Memory()) with { Guest = requested }
            : domain.Memory;
    }

    private static Firmware DefaultFirmware(Firmware? firmware, string? name)
    {
        firmware ??= new Firmware();
        var efi = firmware.Bootloader?.Efi;
        var bootloader = efi is null
            ? firmware.Bootloader
            : firmware.Bootloader! with { Efi = efi with { SecureBoot = efi.SecureBoot ?? ApiDefaults.EfiSecureBoot } };
        return firmware with
        {
            Uuid = firmware.Uuid ?? (string.IsNullOrEmpty(name) ? null : NameBasedUuid.Create(s_firmwareUuidNamespace, name).ToString()),
            Bootloader = bootloader,
        };
    }

    /// <summary>KubeVirt adds a disk for every volume that no disk names, and makes a disk with no target a hard disk.</summary>
    private static IList<Disk>? DefaultDisks(IList<Disk>? disks, IList<Volume>? volumes)
    {
        var all = new List<Disk>(disks ?? []);
        var named = all.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        all.AddRange((volumes ?? []).Where(v => !named.Contains(v.Name)).Select(v => new Disk { Name = v.Name }));
        if (all.Count == 0)
        {
            return disks;
        }

        return [.. all.Select(DefaultDisk)];
    }

    private static Disk DefaultDisk(Disk disk)
    {
        if (disk.Cdrom is { } cdrom)
        {
            return disk with
            {
                Cdrom = cdrom with { Bus = cdrom.Bus ?? ApiDefaults.CdRomBus, Readonly = cdrom.Readonly ?? ApiDefaults.CdRomReadonly },
            };
        }

        var target = disk.DiskTarget ?? new DiskTarget();
        return disk with { DiskTarget = target with { Bus = target.Bus ?? ApiDefaults.DiskBus } };
    }

    private static (IList<Interface>? Interfaces, IList<Network>? Networks) DefaultNetworking(VirtualMachineInstanceSpec spec)
    {
        var devices = spec.Domain.Devices;
        var interfaces = devices.Interfaces;
        var networks = spec.Networks;
        var noneDeclared = (interfaces is null || interfaces.Count == 0) && (networks is null || networks.Count == 0);
        if (noneDeclared && devices.AutoattachPodInterface != false)
        {
            interfaces = [new Interface { Name = ApiDefaults.PodNetworkName, Masquerade = new InterfaceMasquerade() }];
            networks = [new Network { Name = ApiDefaults.PodNetworkName, Pod = new PodNetwork() }];
        }

        return (interfaces?.Select(DefaultInterface).ToList(), networks);
    }

    private static Interface DefaultInterface(Interface nic) => nic with
    {
        Model = nic.Model ?? ApiDefaults.InterfaceModel,
        Ports = nic.Ports?.Select(p => p with { Protocol = p.Protocol ?? ApiDefaults.PortProtocol }).ToList(),
    };
}
