using System.CommandLine;
using VmAddon.Api;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Lifecycle;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary>
/// A command on one VM that reads it and its instance, plans with <see cref="VmLifecycle"/> and sends the plan:
/// start, stop and restart. Prints virtctl's "VM NAME was scheduled to VERB" once the cluster has accepted it.
/// </summary>
internal static class VmRequestCommand
{
    /// <param name="context">The streams, flags and clock.</param>
    /// <param name="verb">The command's name, and the verb in its messages.</param>
    /// <param name="description">Its --help description.</param>
    /// <param name="examples">Its --help examples.</param>
    /// <param name="plan">The plan from the parse, the VM and its instance.</param>
    /// <param name="settle">Optionally, what to wait for once the request is accepted, given the instance it was planned against.</param>
    /// <param name="options">The command's own options.</param>
    public static Command Create(CliContext context, string verb, string description, string[] examples,
        Func<ParseResult, VirtualMachine, VirtualMachineInstance?, LifecyclePlan> plan,
        Func<ClusterConnection, string, VirtualMachineInstance?, CancellationToken, Task>? settle = null, params Option[] options)
    {
        var name = NameArguments.Vm(context);
        return new Command(verb, description).WithExamples(examples).With([name, .. options]).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var vm = parse.GetValue(name)!;
            VirtualMachineInstance? planned = null;
            await LifecycleRequests.ApplyAsync(cluster, new LifecycleRequest(verb, "virtualmachine", vm), async ct =>
            {
                planned = await Lookup.VmiOrNullAsync(cluster, vm, ct).ConfigureAwait(false);
                return plan(parse, await Lookup.VmAsync(cluster, vm, ct).ConfigureAwait(false), planned);
            }, cancellationToken).ConfigureAwait(false);
            if (settle is not null)
            {
                await settle(cluster, vm, planned, cancellationToken).ConfigureAwait(false);
            }

            await context.Streams.Output.WriteLineAsync($"VM {vm} was scheduled to {verb}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
