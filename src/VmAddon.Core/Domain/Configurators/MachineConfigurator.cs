using VmAddon.Api;

namespace VmAddon.Core.Domain;

/// <summary>The QEMU machine type.</summary>
internal static class MachineConfigurator
{
    public static string Configure(Machine? machine) =>
        string.IsNullOrEmpty(machine?.Type) ? ApiDefaults.MachineType : machine.Type;
}
