using System.CommandLine;
using VmAddon.DevCluster.Commands;

namespace VmAddon.DevCluster;

/// <summary>vmaddon-dev: the local control plane. <c>api</c> runs the API server alone; <c>up</c> runs the whole cluster.</summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        InterruptSignal.TakeBack();
        return Build().Parse(args).InvokeAsync();
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
