using k8s;
using k8s.Models;
using VmAddon.DevCluster.Kubelet;
using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.Kubelet;

/// <summary>The dev API server, a kubelet API over a <see cref="HostPodRuntime"/>, and a Node that publishes it; pods bound to that node run their execs here.</summary>
public sealed class StreamingCluster : IAsyncLifetime
{
    public DevApiServer Api { get; } = new();

    public HostPodRuntime Runtime { get; } = new();

    public CriLogFiles Logs { get; } = new();

    public KubeletServer Kubelet { get; private set; } = null!;

    public string Node { get; } = "node-" + Guid.NewGuid().ToString("N")[..6];

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        Kubelet = await KubeletServer.StartAsync(Runtime);
        await CreateNodeAsync(Node, Kubelet.Endpoint.Address.ToString(), Kubelet.Endpoint.Port);
    }

    public async Task DisposeAsync()
    {
        await Kubelet.DisposeAsync();
        await Api.DisposeAsync();
        Logs.Dispose();
    }

    /// <summary>A Node whose status names a kubelet address and port (0: none).</summary>
    public async Task CreateNodeAsync(string name, string address, int port)
    {
        var node = await Api.Client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = name } });
        node.Status = new V1NodeStatus
        {
            Addresses = [new V1NodeAddress { Address = name, Type = "Hostname" }, new V1NodeAddress { Address = address, Type = "InternalIP" }],
            DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = port } },
        };
        await Api.Client.CoreV1.ReplaceNodeStatusAsync(node, name);
    }

    /// <summary>A Running pod with these containers on the node (none: unscheduled), known to the runtime with a log file each.</summary>
    public async Task<V1Pod> CreatePodAsync(string ns, string name, string? node, params string[] containers)
    {
        var pod = await Api.Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PodSpec
            {
                NodeName = node,
                Containers = [.. containers.Select(c => new V1Container { Name = c, Image = "vmaddon.dev/host" })],
            },
        }, ns);
        pod.Status = new V1PodStatus { Phase = "Running" };
        pod = await Api.Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, ns);
        foreach (var container in containers)
        {
            Runtime.Add(ns, name, container, Logs.NewPath());
        }

        return pod;
    }

    /// <summary>Opens the current log file of a container for writing.</summary>
    public CriLogWriter LogWriter(string ns, string pod, string container) => CriLogWriter.Open(Runtime.LogPath(ns, pod, container, previous: false)!);
}
