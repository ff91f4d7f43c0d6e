using System.CommandLine;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm restart NAME</c>: as virtctl restart, a Stop for the current instance and then a Start.</summary>
internal static class RestartCommand
{
    public static Command Build(CliContext context) => VmRequestCommand.Create(
        context,
        "restart",
        "Restart a running VirtualMachine: its instance shuts down gracefully and a new one starts (a new VMI, a new launcher pod). Not for Halted or Once VMs.",
        ["kubectl vm restart legacy-app"],
        (_, vm, instance) => VmLifecycle.Restart(vm, instance));
}
