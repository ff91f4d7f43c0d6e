using k8s;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Nodes;

namespace VmAddon.DevCluster.Cluster;

/// <summary>vmaddon-dev node run: one node runner process, until SIGTERM (which stops its pods) or SIGKILL (a lost node).</summary>
public static class NodeProcess
{
    public static async Task<int> RunAsync(ClusterLayout layout, string name, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var state = ClusterState.Load(layout);
        var node = state.Node(name);
        // vmaddon-dev's SIGTERM handler cancels cancellationToken.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(layout.Kubeconfig));
        await using var runner = new NodeRunner(client, new NodeRunnerOptions
        {
            NodeName = node.Name,
            Index = node.Index,
            Directory = layout.Directory,
            Images = new ImageMap(state.Images),
            Cpu = node.Cpu,
            Memory = node.Memory,
            MaxPods = node.MaxPods,
            Labels = node.Labels,
            LeaseRenewInterval = TimeSpan.FromSeconds(state.LeaseRenewSeconds),
        }, TimeProvider.System, logs.CreateLogger($"node/{name}"));
        await runner.StartAsync(stop.Token).ConfigureAwait(false);
        logs.CreateLogger("vmaddon-dev").LogInformation("node {Node} runs (pid {Pid}, pods in 10.244.{Index}.0/24)", name, Environment.ProcessId, node.Index);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stop: the runner's disposal stops its pods.
        }

        return 0;
    }
}
