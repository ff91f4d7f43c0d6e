using System.CommandLine;
using k8s;
using VmAddon.Api;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Console;
using VmAddon.Cli.Waiting;
using VmAddon.Core.Launcher;

namespace VmAddon.Cli.Commands;

/// <summary>
/// <c>kubectl vm console NAME [--timeout SECONDS]</c>: the guest's serial console in this terminal, as virtctl console.
/// It waits (with a progress line) until the VMI runs, then runs <c>vmaddon-launcher console</c> in its launcher pod
/// through pods/exec: the user's RBAC on pods/exec in the namespace is the gate. Ctrl+] leaves.
/// </summary>
internal static class ConsoleCommand
{
    private static readonly string[] s_console = [LauncherPodRenderer.LauncherCommand, "console"];

    public static Command Build(CliContext context)
    {
        var name = NameArguments.Vm(context, "The VirtualMachine's (or VirtualMachineInstance's) name.");
        var timeout = TimeoutOption.Create("How long to wait for the VM to run before giving up: seconds, or a duration such as 5m.", TimeSpan.FromMinutes(5));
        var help = "Attach to a VM's serial console, waiting until it runs. The terminal goes raw: every key reaches the guest; Ctrl+] leaves.";
        return new Command("console", help).WithExamples("kubectl vm console legacy-app", "kubectl vm console legacy-app --timeout 60 -n prod").With(name, timeout)
            .WithAction(context, async (parse, cluster, cancellationToken) =>
            {
                var vm = parse.GetValue(name)!;
                var pod = await RunningLauncherAsync(context, cluster, vm, parse.GetValue(timeout), cancellationToken).ConfigureAwait(false);
                var error = context.Streams.Error;
                await error.WriteLineAsync($"Successfully connected to {vm} console. The escape sequence is ^]").ConfigureAwait(false);
                ConsoleOutcome outcome;
                using (var terminal = new ProcessTerminal())
                using (terminal.EnterRawMode())
                {
                    outcome = await ConsoleSession.AttachAsync(cluster.Client, new ExecTarget(cluster.Namespace, pod, LauncherLayout.ComputeContainerName, s_console), terminal, cancellationToken)
                        .ConfigureAwait(false);
                }

                await error.WriteLineAsync().ConfigureAwait(false);
                return outcome.Ending switch
                {
                    ConsoleEnding.Detached => ExitCodes.Success,
                    ConsoleEnding.RemoteExited when outcome.ExitCode == 0 =>
                        throw new CliException($"the console of {vm} closed: the guest stopped (see: kubectl get vm {vm}; reconnect: kubectl vm console {vm})"),
                    ConsoleEnding.RemoteExited =>
                        throw new CliException($"the console in pod {pod} exited {outcome.ExitCode}: {outcome.Message} (see: kubectl describe vmi {vm})"),
                    _ => throw new CliException($"the console connection dropped: {outcome.Message} (reconnect: kubectl vm console {vm})"),
                };
            });
    }

    // The name of the launcher pod of the VMI, once the VMI is Running and so is its pod.
    private static async Task<string> RunningLauncherAsync(CliContext context, ClusterConnection cluster, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string? pod = null;
        await WaitLoop.UntilAsync(context, $"VM {name} to run", async ct =>
        {
            var instance = await Lookup.VmiOrNullAsync(cluster, name, ct).ConfigureAwait(false);
            if (instance is null)
            {
                var vm = await Lookup.VmAsync(cluster, name, ct).ConfigureAwait(false);
                var status = vm.Status?.PrintableStatus ?? PrintableStatus.Stopped;
                return status == PrintableStatus.Stopped
                    ? throw new CliException($"virtualmachine \"{name}\" is Stopped (start it: kubectl vm start {name})")
                    : new WaitStep(false, status);
            }

            var phase = instance.Status?.Phase ?? VirtualMachineInstancePhase.Pending;
            if (phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
            {
                throw new CliException($"virtualmachineinstance \"{name}\" has stopped ({phase}) (see: kubectl get vm {name}; start it: kubectl vm start {name})");
            }

            if (phase != VirtualMachineInstancePhase.Running)
            {
                return new WaitStep(false, $"VMI {phase}");
            }

            var pods = await cluster.Client.CoreV1.ListNamespacedPodAsync(cluster.Namespace, labelSelector: $"{LauncherPodLabels.CreatedBy}={instance.Metadata.Uid}", cancellationToken: ct)
                .ConfigureAwait(false);
            pod = pods.Items.FirstOrDefault(p => p.Status?.Phase == "Running" && p.Metadata.DeletionTimestamp is null)?.Metadata.Name;
            return new WaitStep(pod is not null, "launcher pod not running yet");
        }, timeout, $"kubectl describe vmi {name}", cancellationToken).ConfigureAwait(false);
        return pod!;
    }
}
