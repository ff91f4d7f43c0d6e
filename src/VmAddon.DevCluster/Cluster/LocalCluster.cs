using System.Globalization;
using System.Net;
using System.Net.Sockets;
using k8s;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Http;
using VmAddon.Kube.Clients;

namespace VmAddon.DevCluster.Cluster;

/// <summary>
/// vmaddon-dev up: the API server, the scheduler and the node lifecycle controller in this process, and one
/// node runner process per node, until SIGINT or SIGTERM stops them all.
/// </summary>
public sealed class LocalCluster(ClusterLayout layout, ClusterConfig config, int nodeCount, TextWriter progress, ILoggerFactory logs)
{
    private static readonly (string Program, string Package)[] Requirements =
    [
        ("ip", "iproute2"), ("unshare", "util-linux"), ("setpriv", "util-linux"), ("nsenter", "util-linux"), ("setsid", "util-linux"),
    ];

    /// <summary>Checks what the nodes need; the message names the missing package and what to do.</summary>
    public static string? Problem(IPEndPoint listen)
    {
        var missing = Requirements.Where(r => Which(r.Program) is null).ToList();
        if (missing.Count > 0)
        {
            return $"{string.Join(", ", missing.Select(m => $"{m.Program} (Debian package {m.Package})"))} missing: run `make deps`";
        }

        if (Environment.UserName != "root")
        {
            return "node runners give every pod its own network and mount namespaces, which needs root: run vmaddon-dev up as root";
        }

        try
        {
            using var probe = new TcpListener(listen);
            probe.Start();
        }
        catch (SocketException)
        {
            return $"{listen} is already in use (another vmaddon-dev up?): stop it with `vmaddon-dev down --dir DIR`, or set apiServer.listen in the config file";
        }

        return null;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.Directory);
        await File.WriteAllTextAsync(layout.UpPid, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        var nodes = config.NodesFor(nodeCount);
        progress.Write($"starting the API server on {config.Listen} ... ");
        await using var server = await ApiServer.StartAsync(
            new ApiServerOptions { Listen = config.Listen, DataDirectory = layout.DataDirectory }, b => b.AddProvider(new ForwardingLoggerProvider(logs)), cancellationToken).ConfigureAwait(false);
        Kubeconfig.Write(layout.Kubeconfig, server.BaseAddress);
        progress.WriteLine("ok");
        var state = new ClusterState(server.BaseAddress.ToString(),
            [.. nodes.Select((n, i) => new NodeState(n.Name, config.FirstNodeIndex + i, n.Cpu, n.Memory, n.MaxPods, n.Labels))], config.Images,
            config.LeaseRenewInterval.TotalSeconds);
        state.Save(layout);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(layout.Kubeconfig).CloseCancelledWatchesAtOnce());
        using var loops = new CancellationTokenSource();
        var controlPlane = Task.WhenAll(
            new Scheduling.Scheduler(client, new Scheduling.SchedulerOptions(), logs.CreateLogger("scheduler")).RunAsync(loops.Token),
            new NodeLifecycle.NodeLifecycleController(client, new NodeLifecycle.NodeLifecycleOptions { GracePeriod = config.NodeMonitorGracePeriod, MonitorPeriod = config.LeaseRenewInterval / 2 },
                logs.CreateLogger("node-lifecycle")).RunAsync(loops.Token));
        try
        {
            foreach (var node in state.Nodes)
            {
                progress.Write($"starting node {node.Name} ... ");
                RunnerProcesses.Start(layout, node.Name);
                await WaitReadyAsync(client, node.Name, cancellationToken).ConfigureAwait(false);
                progress.WriteLine("Ready");
            }

            progress.WriteLine($"""

                the local cluster is up ({state.Nodes.Count} node{(state.Nodes.Count == 1 ? "" : "s")}). In another shell:
                  export KUBECONFIG={layout.Kubeconfig}
                  kubectl get nodes
                node logs: {layout.Directory}/NODE/runner.log; lose a node: vmaddon-dev node stop NODE --dir {layout.Directory}
                Ctrl-C stops everything.
                """);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: stop below.
        }
        finally
        {
            progress.WriteLine("stopping ...");
            await Task.WhenAll(state.Nodes.Select(n => RunnerProcesses.StopAsync(layout, n.Name, TimeSpan.FromSeconds(40)))).ConfigureAwait(false);
            await loops.CancelAsync().ConfigureAwait(false);
            await controlPlane.ConfigureAwait(false);
            File.Delete(layout.UpPid);
        }

        progress.WriteLine("stopped");
        return 0;
    }

    private static async Task WaitReadyAsync(Kubernetes client, string node, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var found = await client.CoreV1.ReadNodeAsync(node, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (found.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
                {
                    return;
                }
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                // Not registered yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"node {node} did not become Ready within 60 s: see its log, {node}/runner.log in the cluster directory");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin"])
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}

/// <summary>Sends the API server's logs to the command's logger factory.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
