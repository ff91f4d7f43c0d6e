using VmAddon.Api;

namespace VmAddon.Core.Domain;

/// <summary>vCPU count, topology and CPU model.</summary>
internal static class CpuConfigurator
{
    public const string HostModel = "host-model";
    public const string HostPassthrough = "host-passthrough";
    public const string Custom = "custom";

    public static DomainCpu Configure(Cpu? cpu, DomainRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var topology = new CpuTopology(
            Count(cpu?.Sockets, "sockets"),
            Count(cpu?.Cores, "cores"),
            Count(cpu?.Threads, "threads"));
        return cpu?.Model switch
        {
            // KubeVirt's default is host-model, but TCG cannot provide the host's CPU, so under
            // software emulation an unset model leaves QEMU's default CPU.
            null or "" => new DomainCpu { Mode = options.SoftwareEmulation ? null : HostModel, Topology = topology },
            HostModel or HostPassthrough => new DomainCpu { Mode = cpu.Model, Topology = topology },
            var named => new DomainCpu { Mode = Custom, Model = named, Topology = topology },
        };
    }

    private static int Count(int? value, string field) => value switch
    {
        null => ApiDefaults.CpuTopologyUnit,
        >= 1 => value.Value,
        _ => throw SpecError.Invalid($"spec.domain.cpu.{field}", $"must be at least 1, not {value}"),
    };
}
