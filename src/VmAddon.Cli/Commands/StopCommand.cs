using System.CommandLine;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Lifecycle;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm stop NAME [--force] [--grace-period N]</c>: as virtctl stop.</summary>
internal static class StopCommand
{
    public static Command Build(CliContext context)
    {
        var name = NameArguments.Vm(context);
        var force = new Option<bool>("--force") { Description = "Do not wait for the guest's own shutdown: with no --grace-period, power it off at once (grace period 0)." };
        var grace = new Option<long?>("--grace-period") { Description = "With --force: the seconds the guest gets to shut down, instead of its terminationGracePeriodSeconds." };
        var help = "Stop a running VirtualMachine: the guest gets an ACPI power-button press and its grace period to shut down. Always and Once VMs get runStrategy Halted; Manual and RerunOnFailure VMs get a Stop request, as KubeVirt's virtctl does.";
        var command = new Command("stop", help).WithExamples("kubectl vm stop legacy-app", "kubectl vm stop legacy-app --force --grace-period 0").With(name, force, grace);
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
        return command.WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var vm = parse.GetValue(name)!;
            var seconds = parse.GetValue(force) ? parse.GetValue(grace) ?? 0 : (long?)null;
            await LifecycleRequests.ApplyAsync(cluster, new LifecycleRequest("stop", "virtualmachine", vm), async ct =>
                VmLifecycle.Stop(await Lookup.VmAsync(cluster, vm, ct).ConfigureAwait(false), await Lookup.VmiOrNullAsync(cluster, vm, ct).ConfigureAwait(false), seconds),
                cancellationToken).ConfigureAwait(false);
            await context.Streams.Output.WriteLineAsync($"VM {vm} was scheduled to stop").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
