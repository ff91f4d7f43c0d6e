namespace VmAddon.Api.Validation;

/// <summary>Volumes: unique names, exactly one supported source each, and well-formed sources.</summary>
internal static class VolumeRules
{
    public static void Validate(VirtualMachineInstanceSpec spec, string path, FieldErrors errors)
    {
        var volumes = spec.Volumes ?? [];
        var listPath = $"{path}.volumes";
        errors.Duplicates(volumes, v => v.Name, listPath, "name", "volume name");
        var users = (spec.Domain.Devices.Disks ?? []).GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            var volumePath = $"{listPath}[{i}]";
            if (string.IsNullOrEmpty(volume.Name))
            {
                errors.Required($"{volumePath}.name", "every volume needs a name");
            }

            if (users.GetValueOrDefault(volume.Name) > 1)
            {
                errors.Add($"{volumePath}.name", $"volume \"{volume.Name}\" is used by more than one disk");
            }

            ValidateSource(volume, volumePath, errors);
        }
    }

    private static void ValidateSource(Volume volume, string path, FieldErrors errors)
    {
        var sources = new (string Field, object? Value)[]
        {
            ("containerDisk", volume.ContainerDisk),
            ("cloudInitNoCloud", volume.CloudInitNoCloud),
            ("emptyDisk", volume.EmptyDisk),
            ("persistentVolumeClaim", volume.PersistentVolumeClaim),
            ("hostDisk", volume.HostDisk),
        }.Where(s => s.Value is not null).Select(s => s.Field).ToList();

        if (sources.Count == 0)
        {
            errors.Required(path, $"volume \"{volume.Name}\" needs a source: containerDisk, cloudInitNoCloud or emptyDisk");
        }
        else if (sources.Count > 1)
        {
            errors.Add(path, $"may set only one source, but sets {string.Join(" and ", sources)}");
        }

        if (volume.ContainerDisk is { } containerDisk && string.IsNullOrWhiteSpace(containerDisk.Image))
        {
            errors.Required($"{path}.containerDisk.image", "a containerDisk needs an image");
        }

        if (volume.EmptyDisk is { } emptyDisk)
        {
            errors.PositiveQuantity(emptyDisk.Capacity, $"{path}.emptyDisk.capacity");
        }

        if (volume.CloudInitNoCloud is { } cloudInit)
        {
            CloudInitRules.Validate(cloudInit, $"{path}.cloudInitNoCloud", errors);
        }

        if (volume.PersistentVolumeClaim is not null)
        {
            errors.NotSupportedYet($"{path}.persistentVolumeClaim", "a persistentVolumeClaim volume");
        }

        if (volume.HostDisk is not null)
        {
            errors.NotSupportedYet($"{path}.hostDisk", "a hostDisk volume");
        }
    }
}
