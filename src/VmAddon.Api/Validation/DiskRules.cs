namespace VmAddon.Api.Validation;

/// <summary>Disks: unique names, one target each, a known bus, and a volume behind every disk.</summary>
internal static class DiskRules
{
    private static readonly string[] s_diskBuses = [DiskBus.Virtio, DiskBus.Sata, DiskBus.Scsi];
    private static readonly string[] s_cdromBuses = [DiskBus.Sata, DiskBus.Scsi];
    private static readonly string[] s_cacheModes = [DiskCache.None, DiskCache.WriteThrough, DiskCache.WriteBack];

    public static void Validate(VirtualMachineInstanceSpec spec, string path, FieldErrors errors)
    {
        var disks = spec.Domain.Devices.Disks ?? [];
        var listPath = $"{path}.domain.devices.disks";
        var volumes = (spec.Volumes ?? []).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        errors.Duplicates(disks, d => d.Name, listPath, "name", "disk name");

        for (var i = 0; i < disks.Count; i++)
        {
            var disk = disks[i];
            var diskPath = $"{listPath}[{i}]";
            if (string.IsNullOrEmpty(disk.Name))
            {
                errors.Required($"{diskPath}.name", "every disk needs a name");
            }
            else if (!volumes.Contains(disk.Name))
            {
                errors.Add($"{diskPath}.name", $"disk \"{disk.Name}\" has no volume of that name");
            }

            if (disk.DiskTarget is not null && disk.Cdrom is not null)
            {
                errors.Add(diskPath, "may set only one of disk or cdrom");
            }

            if (disk.DiskTarget?.Bus is { } bus && !s_diskBuses.Contains(bus))
            {
                errors.Unsupported($"{diskPath}.disk.bus", bus, s_diskBuses);
            }

            if (disk.Cdrom?.Bus is { } cdromBus && !s_cdromBuses.Contains(cdromBus))
            {
                errors.Unsupported($"{diskPath}.cdrom.bus", cdromBus, s_cdromBuses);
            }

            // QEMU's AHCI emulation has no read-only hard disks; libvirt refuses to define one.
            if (disk.DiskTarget is { Bus: DiskBus.Sata, Readonly: true })
            {
                errors.Add($"{diskPath}.disk.readonly", "a sata hard disk cannot be read-only; use bus virtio or scsi, or attach it as a cdrom");
            }

            if (disk.Cache is { } cache && !s_cacheModes.Contains(cache))
            {
                errors.Unsupported($"{diskPath}.cache", cache, s_cacheModes);
            }
        }
    }
}
