using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Domain;

/// <summary>Disks and CD-ROMs with their sources, buses, guest device names and controllers.</summary>
internal static class DiskConfigurator
{
    private const string Qcow2 = "qcow2";
    private const string Raw = "raw";

    public static (IReadOnlyList<DomainDisk> Disks, IReadOnlyList<DomainController> Controllers) Configure(VirtualMachineInstanceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var volumes = spec.Volumes ?? [];
        var disks = new List<DomainDisk>();
        var names = new DeviceNameSequence();
        var specDisks = spec.Domain?.Devices?.Disks ?? [];
        for (var i = 0; i < specDisks.Count; i++)
        {
            disks.Add(Configure(specDisks[i], $"spec.domain.devices.disks[{i}]", volumes, names));
        }

        var controllers = new List<DomainController>();
        if (disks.Any(d => d.Bus == DiskBus.Sata))
        {
            // q35 has a built-in AHCI controller, pc does not; declaring it works for both.
            controllers.Add(new DomainController(DiskBus.Sata, 0, null));
        }

        if (disks.Any(d => d.Bus == DiskBus.Scsi))
        {
            controllers.Add(new DomainController(DiskBus.Scsi, 0, "virtio-scsi"));
        }

        return (disks, controllers);
    }

    private static DomainDisk Configure(Disk disk, string path, IList<Volume> volumes, DeviceNameSequence names)
    {
        var (volume, volumePath) = FindVolume(disk, path, volumes);
        var (device, bus, readOnly) = Target(disk, path);
        var (file, format) = Source(volume, volumePath);
        if (volume.CloudInitNoCloud is not null)
        {
            // The guest never needs to write its seed. QEMU cannot make a sata hard disk read-only,
            // and the seed is rebuilt for every launcher, so there it stays writable.
            readOnly = !(device == "disk" && bus == DiskBus.Sata);
        }
        else if (readOnly && device == "disk" && bus == DiskBus.Sata)
        {
            throw SpecError.Unsupported($"{path}.disk.readonly", "QEMU cannot attach a read-only sata hard disk; use the virtio bus or a cdrom");
        }

        return new DomainDisk
        {
            Device = device,
            Format = format,
            Cache = Cache(disk.Cache, $"{path}.cache"),
            SourceFile = file,
            TargetDev = names.Next(bus),
            Bus = bus,
            ReadOnly = readOnly,
            Serial = string.IsNullOrEmpty(disk.Serial) ? null : disk.Serial,
            BootOrder = disk.BootOrder,
            Alias = "ua-" + disk.Name,
        };
    }

    private static (Volume Volume, string Path) FindVolume(Disk disk, string path, IList<Volume> volumes)
    {
        for (var j = 0; j < volumes.Count; j++)
        {
            if (volumes[j].Name == disk.Name)
            {
                return (volumes[j], $"spec.volumes[{j}]");
            }
        }

        throw SpecError.Invalid($"{path}.name", $"disk \"{disk.Name}\" has no volume of that name");
    }

    private static (string Device, string Bus, bool ReadOnly) Target(Disk disk, string path)
    {
        if (disk.Cdrom is { } cdrom)
        {
            if (disk.DiskTarget is not null)
            {
                throw SpecError.Invalid(path, "set only one of disk and cdrom");
            }

            var cdromBus = cdrom.Bus ?? ApiDefaults.CdRomBus;
            if (cdromBus is not (DiskBus.Sata or DiskBus.Scsi))
            {
                throw SpecError.Unsupported($"{path}.cdrom.bus", $"a cdrom can sit on sata or scsi, not \"{cdromBus}\"");
            }

            return ("cdrom", cdromBus, cdrom.Readonly ?? ApiDefaults.CdRomReadonly);
        }

        var bus = disk.DiskTarget?.Bus ?? ApiDefaults.DiskBus;
        if (bus is not (DiskBus.Virtio or DiskBus.Sata or DiskBus.Scsi))
        {
            throw SpecError.Unsupported($"{path}.disk.bus", $"bus \"{bus}\" is not supported; use virtio, sata or scsi");
        }

        return ("disk", bus, disk.DiskTarget?.Readonly == true);
    }

    private static (string File, string Format) Source(Volume volume, string path)
    {
        var sources = new object?[] { volume.ContainerDisk, volume.CloudInitNoCloud, volume.EmptyDisk, volume.PersistentVolumeClaim, volume.HostDisk }
            .Count(s => s is not null);
        if (sources > 1)
        {
            throw SpecError.Invalid(path, $"volume \"{volume.Name}\" sets {sources} sources; set exactly one");
        }

        if (volume.PersistentVolumeClaim is not null)
        {
            throw SpecError.Unsupported($"{path}.persistentVolumeClaim", "persistentVolumeClaim volumes are not supported yet");
        }

        if (volume.HostDisk is not null)
        {
            throw SpecError.Unsupported($"{path}.hostDisk", "hostDisk volumes are not supported yet");
        }

        if (volume.ContainerDisk is not null)
        {
            // The launcher creates this overlay with the image's disk as its read-only backing file.
            return (LauncherLayout.ContainerDiskOverlayPath(volume.Name), Qcow2);
        }

        if (volume.EmptyDisk is not null)
        {
            return (LauncherLayout.EmptyDiskPath(volume.Name), Qcow2);
        }

        if (volume.CloudInitNoCloud is not null)
        {
            return (LauncherLayout.CloudInitIsoPath(volume.Name), Raw);
        }

        throw SpecError.Invalid(path, $"volume \"{volume.Name}\" has no source; set containerDisk, cloudInitNoCloud or emptyDisk");
    }

    private static string? Cache(string? cache, string path) => cache switch
    {
        null or "" => null,
        DiskCache.None or DiskCache.WriteThrough or DiskCache.WriteBack => cache,
        _ => throw SpecError.Unsupported(path, $"cache mode \"{cache}\" is not supported; use none, writethrough or writeback"),
    };
}
