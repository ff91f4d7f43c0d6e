using System.CommandLine;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm stop NAME [--force] [--grace-period N]</c>: as virtctl stop.</summary>
internal static class StopCommand
{
    public static Command Build(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Do not wait for the guest's own shutdown: with no --grace-period, power it off at once (grace period 0)." };
        var grace = new Option<long?>("--grace-period") { Description = "With --force: the seconds the guest gets to shut down, instead of its terminationGracePeriodSeconds." };
        var command = VmRequestCommand.Create(
            context,
            "stop",
            "Stop a running VirtualMachine: the guest gets an ACPI power-button press and its grace period to shut down. Always and Once VMs get runStrategy Halted; Manual and RerunOnFailure VMs get a Stop request, as KubeVirt's virtctl does.",
            ["kubectl vm stop legacy-app", "kubectl vm stop legacy-app --force --grace-period 0"],
            (parse, vm, instance) => VmLifecycle.Stop(vm, instance, parse.GetValue(force) ? parse.GetValue(grace) ?? 0 : null),
            options: [force, grace]);
        command.Validators.Add(result =>
        {
            // virtctl's rule: a grace period only with --force.
            var seconds = result.GetValue(grace);
            if (seconds is not null && !result.GetValue(force))
            {
                result.AddError("--grace-period needs --force: kubectl vm stop NAME --force --grace-period N");
            }
            else if (seconds < 0)
            {
                result.AddError("--grace-period must be 0 or more seconds");
            }
        });
        return command;
    }
}
