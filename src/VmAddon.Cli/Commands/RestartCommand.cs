using System.CommandLine;
using VmAddon.Api;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Waiting;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary>
/// <c>kubectl vm restart NAME</c>: as virtctl restart, a Stop for the current instance and then a Start. It returns once
/// the controller has begun: the old instance is going and the VM no longer shows Running, so that a pause or a
/// <c>kubectl vm wait NAME --for Running</c> right after it concerns the new instance, not the old one.
/// </summary>
internal static class RestartCommand
{
    private static readonly TimeSpan s_begin = TimeSpan.FromSeconds(60);

    public static Command Build(CliContext context) => VmRequestCommand.Create(
        context,
        "restart",
        "Restart a running VirtualMachine: its instance shuts down gracefully and a new one starts (a new VMI, a new launcher pod). Not for Halted or Once VMs.",
        ["kubectl vm restart legacy-app && kubectl vm wait legacy-app --for Running"],
        (_, vm, instance) => VmLifecycle.Restart(vm, instance),
        (cluster, name, old, cancellationToken) => WaitLoop.UntilAsync(context, $"the controller to begin restarting {name}", async ct =>
        {
            var instance = await Lookup.VmiOrNullAsync(cluster, name, ct).ConfigureAwait(false);
            var status = (await Lookup.VmAsync(cluster, name, ct).ConfigureAwait(false)).Status?.PrintableStatus;
            var going = instance is null || instance.Metadata.Uid != old?.Metadata.Uid || instance.Metadata.DeletionTimestamp is not null;
            return new WaitStep(going && status is not (PrintableStatus.Running or PrintableStatus.Paused), status ?? "(no status)");
        }, s_begin, "is vmaddon-controller running? kubectl vm version", cancellationToken));
}
