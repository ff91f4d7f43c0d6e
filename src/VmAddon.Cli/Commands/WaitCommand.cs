using System.CommandLine;
using VmAddon.Api;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Waiting;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm wait NAME --for STATUS [--timeout 5m]</c>: waits until the VM's printableStatus is STATUS.</summary>
internal static class WaitCommand
{
    private static readonly string[] s_statuses =
    [
        PrintableStatus.Running, PrintableStatus.Stopped, PrintableStatus.Paused, PrintableStatus.Starting, PrintableStatus.Stopping,
        PrintableStatus.CrashLoopBackOff, PrintableStatus.ErrorUnschedulable, PrintableStatus.Migrating, PrintableStatus.Unknown,
    ];

    public static Command Build(CliContext context)
    {
        var name = NameArguments.Vm(context);
        var status = new Option<string>("--for")
        {
            Description = $"The printableStatus to wait for: {string.Join(", ", s_statuses)}.",
            Required = true,
        };
        status.AcceptOnlyFromAmong(s_statuses);
        var timeout = TimeoutOption.Create("How long to wait before giving up (exit 1).", TimeSpan.FromMinutes(5));
        var help = "Wait until a VirtualMachine's status (the STATUS column of kubectl get vm) is the one given. Shows progress on a terminal.";
        return new Command("wait", help).WithExamples("kubectl vm wait legacy-app --for Running", "kubectl vm stop legacy-app && kubectl vm wait legacy-app --for Stopped --timeout 2m").With(name, status, timeout).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var vm = parse.GetValue(name)!;
            var wanted = parse.GetValue(status)!;
            await WaitLoop.UntilAsync(context, $"virtualmachine {vm} to be {wanted}", async ct =>
            {
                var current = (await Lookup.VmAsync(cluster, vm, ct).ConfigureAwait(false)).Status?.PrintableStatus ?? "(no status yet)";
                return new WaitStep(current == wanted, current);
            }, parse.GetValue(timeout), $"kubectl describe vm {vm}", cancellationToken).ConfigureAwait(false);
            await context.Streams.Output.WriteLineAsync($"VM {vm} is {wanted}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
