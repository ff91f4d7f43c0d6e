using System.CommandLine;
using VmAddon.Api;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Lifecycle;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm pause|unpause vm|vmi NAME</c>: as virtctl, the guest's vCPUs stop (or go on) where they are.</summary>
internal static class PauseCommand
{
    public static Command Build(CliContext context, bool pause)
    {
        var verb = pause ? "pause" : "unpause";
        var kind = KindArgument.Create();
        var name = NameArguments.Vm(context, "The VirtualMachine's or VirtualMachineInstance's name.");
        var help = pause
            ? "Pause a running VM's guest: its vCPUs stop, its memory and devices stay. The VM shows Paused."
            : "Resume a paused VM's guest where it stopped. The VM shows Running again.";
        return new Command(verb, help).WithExamples($"kubectl vm {verb} vm legacy-app", $"kubectl vm {verb} vmi legacy-app -n prod").With(kind, name).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var target = parse.GetValue(name)!;
            var isVm = KindArgument.Normalise(parse.GetValue(kind)!) == KindArgument.Vm;
            var request = new LifecycleRequest(verb, isVm ? "virtualmachine" : "virtualmachineinstance", target);
            await LifecycleRequests.ApplyAsync(cluster, request, async ct =>
            {
                var instance = await InstanceAsync(cluster, target, isVm, ct).ConfigureAwait(false);
                if (instance is null)
                {
                    return new LifecyclePlan.Refused(VmLifecycle.NotRunning);
                }

                return pause ? InstancePause.Pause(instance) : InstancePause.Unpause(instance);
            }, cancellationToken).ConfigureAwait(false);
            await context.Streams.Output.WriteLineAsync($"VMI {target} was scheduled to {verb}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    // The VM's instance carries its name. A VM with none is not running; a missing VMI, or VM, is not found.
    private static async Task<VirtualMachineInstance?> InstanceAsync(ClusterConnection cluster, string name, bool isVm, CancellationToken cancellationToken)
    {
        if (!isVm)
        {
            return await Lookup.VmiAsync(cluster, name, cancellationToken).ConfigureAwait(false);
        }

        var instance = await Lookup.VmiOrNullAsync(cluster, name, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            await Lookup.VmAsync(cluster, name, cancellationToken).ConfigureAwait(false);
        }

        return instance;
    }
}
