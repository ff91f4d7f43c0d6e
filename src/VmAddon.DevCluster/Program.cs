using System.CommandLine;
using System.Runtime.InteropServices;
using VmAddon.DevCluster.Commands;

namespace VmAddon.DevCluster;

/// <summary>vmaddon-dev: the local control plane. <c>api</c> runs the API server alone; <c>up</c> runs the whole cluster.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        InterruptSignal.TakeBack();

        // SIGINT and SIGTERM cancel the command, which then stops in its own time: `up` gives every pod its grace period.
        // (System.CommandLine's own handling returns 130 once its timeout passes, whatever the command is still doing.)
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("vmaddon-dev: a local Kubernetes-compatible control plane for developing and testing VmAddon.");
        root.Add(ApiCommand.Build());
        root.Add(UpCommand.Build());
        root.Add(NodeCommand.Build());
        root.Add(DownCommand.Build());
        return root;
    }
}
