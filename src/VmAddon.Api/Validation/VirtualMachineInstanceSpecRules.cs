using System.Text.RegularExpressions;

namespace VmAddon.Api.Validation;

/// <summary>Every rule of a VirtualMachineInstance spec, wherever that spec is embedded.</summary>
internal static partial class VirtualMachineInstanceSpecRules
{
    private static readonly string[] s_evictionStrategies = [EvictionStrategy.None, EvictionStrategy.LiveMigrate, EvictionStrategy.LiveMigrateIfPossible, EvictionStrategy.External];

    public static void Validate(VirtualMachineInstanceSpec? spec, string path, FieldErrors errors)
    {
        if (spec is null)
        {
            errors.Required(path, "the instance spec is missing");
            return;
        }

        DomainRules.Validate(spec.Domain, $"{path}.domain", errors);
        FirmwareRules.Validate(spec.Domain.Firmware, $"{path}.domain.firmware", errors);
        DiskRules.Validate(spec, path, errors);
        VolumeRules.Validate(spec, path, errors);
        NetworkRules.Validate(spec, path, errors);
        BootOrderRules.Validate(spec, path, errors);

        if (spec.Hostname is { } hostname && (hostname.Length > 63 || !Dns1123Label().IsMatch(hostname)))
        {
            errors.Add($"{path}.hostname", $"Invalid value: \"{hostname}\": must be an RFC 1123 label of at most 63 lower-case alphanumerics or '-'");
        }

        if (spec.TerminationGracePeriodSeconds is < 0)
        {
            errors.Add($"{path}.terminationGracePeriodSeconds", $"Invalid value: {spec.TerminationGracePeriodSeconds}: must be greater than or equal to 0");
        }

        if (spec.EvictionStrategy is { } eviction && !s_evictionStrategies.Contains(eviction))
        {
            errors.Unsupported($"{path}.evictionStrategy", eviction, s_evictionStrategies);
        }

        if (spec.StartStrategy is { } start && start != StartStrategy.Paused)
        {
            errors.Unsupported($"{path}.startStrategy", start, [StartStrategy.Paused]);
        }
    }

    [GeneratedRegex(NamePatterns.Dns1123Label)]
    private static partial Regex Dns1123Label();
}
