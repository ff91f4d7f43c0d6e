using System.CommandLine;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Lifecycle;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm restart NAME</c>: as virtctl restart, a Stop for the current instance and then a Start.</summary>
internal static class RestartCommand
{
    public static Command Build(CliContext context)
    {
        var name = NameArguments.Vm(context);
        var help = "Restart a running VirtualMachine: its instance shuts down gracefully and a new one starts (a new VMI, a new launcher pod). Not for Halted or Once VMs.";
        return new Command("restart", help).WithExamples("kubectl vm restart legacy-app").With(name).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var vm = parse.GetValue(name)!;
            await LifecycleRequests.ApplyAsync(cluster, new LifecycleRequest("restart", "virtualmachine", vm), async ct =>
                VmLifecycle.Restart(await Lookup.VmAsync(cluster, vm, ct).ConfigureAwait(false), await Lookup.VmiOrNullAsync(cluster, vm, ct).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
            await context.Streams.Output.WriteLineAsync($"VM {vm} was scheduled to restart").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
