using System.Globalization;

namespace VmAddon.Api.Validation;

/// <summary>CPU, memory and resources: positive, consistent, and enough memory to boot.</summary>
internal static class DomainRules
{
    /// <summary>The most vCPUs a QEMU q35 guest may have.</summary>
    private const int MaxVcpus = 512;

    /// <summary>Below one mebibyte no firmware starts; KubeVirt has the same floor.</summary>
    private const decimal MinGuestMemoryBytes = 1024 * 1024;

    public static void Validate(DomainSpec domain, string path, FieldErrors errors)
    {
        ValidateCpu(domain.Cpu, $"{path}.cpu", errors);
        ValidateResources(domain.Resources, $"{path}.resources", errors);
        ValidateMemory(domain, path, errors);
    }

    private static void ValidateCpu(Cpu? cpu, string path, FieldErrors errors)
    {
        if (cpu is null)
        {
            return;
        }

        var topology = new (string Field, int? Value)[] { ("cores", cpu.Cores), ("sockets", cpu.Sockets), ("threads", cpu.Threads) };
        foreach (var (field, value) in topology)
        {
            if (value is < 1)
            {
                errors.Add($"{path}.{field}", $"Invalid value: {value}: must be greater than or equal to 1");
            }
        }

        var vcpus = topology.Aggregate(1L, (product, t) => product * Math.Max(1, t.Value ?? 1));
        if (vcpus > MaxVcpus)
        {
            errors.Add(path, $"Invalid value: sockets × cores × threads is {vcpus}: must be at most {MaxVcpus} vCPUs");
        }
    }

    private static void ValidateResources(ResourceRequirements? resources, string path, FieldErrors errors)
    {
        foreach (var (field, map) in new[] { ("requests", resources?.Requests), ("limits", resources?.Limits) })
        {
            foreach (var (name, quantity) in map ?? new Dictionary<string, k8s.Models.ResourceQuantity>())
            {
                errors.PositiveQuantity(quantity, $"{path}.{field}[{name}]");
            }
        }

        var request = Named(resources?.Requests, "memory");
        var limit = Named(resources?.Limits, "memory");
        if (request is not null && limit is not null && SafeValue(request) > SafeValue(limit))
        {
            errors.Add($"{path}.requests[memory]", $"Invalid value: \"{request}\": must be less than or equal to the memory limit {limit}");
        }
    }

    private static void ValidateMemory(DomainSpec domain, string path, FieldErrors errors)
    {
        var guestPath = $"{path}.memory.guest";
        var guest = domain.Memory?.Guest;
        if (guest is null)
        {
            if (domain.Resources?.Requests?.ContainsKey("memory") != true)
            {
                errors.Required(guestPath, "set memory.guest or resources.requests.memory");
            }

            return;
        }

        if (errors.PositiveQuantity(guest, guestPath) is not { } bytes)
        {
            return;
        }

        if (bytes < MinGuestMemoryBytes)
        {
            errors.Add(guestPath, $"Invalid value: \"{guest}\": must be at least 1Mi");
        }

        if (Named(domain.Resources?.Limits, "memory") is { } limit && bytes > SafeValue(limit))
        {
            errors.Add(guestPath, $"Invalid value: \"{guest}\": must be less than or equal to the memory limit {limit}");
        }

        if (bytes != decimal.Truncate(bytes))
        {
            errors.Add(guestPath, $"Invalid value: \"{guest}\": must be a whole number of bytes, not {bytes.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static k8s.Models.ResourceQuantity? Named(IDictionary<string, k8s.Models.ResourceQuantity>? map, string name) =>
        map is not null && map.TryGetValue(name, out var quantity) ? quantity : null;

    private static decimal SafeValue(k8s.Models.ResourceQuantity quantity)
    {
        try
        {
            return quantity.ToDecimal();
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }
}
