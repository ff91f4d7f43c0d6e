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
    public static Command Create(CliContext context, string verb, string description, string[] examples,
        Func<ParseResult, VirtualMachine, VirtualMachineInstance?, LifecyclePlan> plan, params Option[] options)
    {
        var name = NameArguments.Vm(context);
        return new Command(verb, description).WithExamples(examples).With([name, .. options]).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var vm = parse.GetValue(name)!;
            await LifecycleRequests.ApplyAsync(cluster, new LifecycleRequest(verb, "virtualmachine", vm), async ct =>
                plan(parse, await Lookup.VmAsync(cluster, vm, ct).ConfigureAwait(false), await Lookup.VmiOrNullAsync(cluster, vm, ct).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
            await context.Streams.Output.WriteLineAsync($"VM {vm} was scheduled to {verb}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
