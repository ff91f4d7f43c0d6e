using System.CommandLine;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Lifecycle;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm start NAME [--paused]</c>: as virtctl start.</summary>
internal static class StartCommand
{
    public static Command Build(CliContext context)
    {
        var name = NameArguments.Vm(context);
        var paused = new Option<bool>("--paused") { Description = "Start the guest paused; it runs once you unpause it (kubectl vm unpause vm NAME)." };
        var help = "Start a stopped VirtualMachine. Halted VMs get runStrategy Always; Manual and RerunOnFailure VMs get a Start request, as KubeVirt's virtctl does. Returns once the request is accepted; kubectl vm wait follows it.";
        return new Command("start", help).WithExamples("kubectl vm start legacy-app", "kubectl vm start legacy-app --paused -n prod").With(name, paused).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var vm = parse.GetValue(name)!;
            var startPaused = parse.GetValue(paused);
            await LifecycleRequests.ApplyAsync(cluster, new LifecycleRequest("start", "virtualmachine", vm), async ct =>
                VmLifecycle.Start(await Lookup.VmAsync(cluster, vm, ct).ConfigureAwait(false), await Lookup.VmiOrNullAsync(cluster, vm, ct).ConfigureAwait(false), startPaused),
                cancellationToken).ConfigureAwait(false);
            await context.Streams.Output.WriteLineAsync($"VM {vm} was scheduled to start{(startPaused ? " paused" : "")}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
