namespace VmAddon.Api.Validation;

/// <summary>Boot orders are positive and unique across disks and interfaces, as libvirt requires.</summary>
internal static class BootOrderRules
{
    public static void Validate(VirtualMachineInstanceSpec spec, string path, FieldErrors errors)
    {
        var owners = new Dictionary<int, string>();
        var devices = spec.Domain.Devices;
        var entries = (devices.Disks ?? []).Select((d, i) => (d.BootOrder, Path: $"{path}.domain.devices.disks[{i}].bootOrder", Owner: $"disk \"{d.Name}\""))
            .Concat((devices.Interfaces ?? []).Select((n, i) => (n.BootOrder, Path: $"{path}.domain.devices.interfaces[{i}].bootOrder", Owner: $"interface \"{n.Name}\"")));

        foreach (var (order, entryPath, owner) in entries)
        {
            if (order is not { } value)
            {
                continue;
            }

            if (value < 1)
            {
                errors.Add(entryPath, $"Invalid value: {value}: must be greater than or equal to 1");
            }
            else if (!owners.TryAdd(value, owner))
            {
                errors.Add(entryPath, $"boot order {value} is already used by {owners[value]}");
            }
        }
    }
}
