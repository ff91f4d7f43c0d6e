using System.Text.Json.Nodes;
using k8s;
using VmAddon.Kube.Clients;
using k8s.Models;
using VmAddon.DevCluster.Http;

namespace VmAddon.DevCluster.Tests.Scheduling;

/// <summary>
/// A dev API server of its own (nodes are cluster-wide, so tests must not share one) with a control loop running
/// against it over KubernetesClient, plus what a kubelet would write: nodes with status, leases, pod readiness.
/// </summary>
internal sealed class LoopCluster : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private LoopCluster(ApiServer server)
    {
        Server = server;
        Client = new Kubernetes(new KubernetesClientConfiguration
        {
            Host = server.BaseAddress.ToString(),
            AccessToken = "x",
        }.CloseCancelledWatchesAtOnce());
    }

    public ApiServer Server { get; }

    public Kubernetes Client { get; }

    public static async Task<LoopCluster> StartAsync() => new(await ApiServer.StartAsync(new ApiServerOptions()));

    public void Run(Func<CancellationToken, Task> loop) => _loops.Add(Task.Run(() => loop(_stop.Token)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(20));
        Client.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>Registers a node as its kubelet does: the object, then its status (capacity, allocatable, conditions) through the status subresource.</summary>
    public async Task CreateNodeAsync(V1Node node)
    {
        var status = node.Status;
        node.Status = null;
        node.Metadata.CreationTimestamp = null;
        await Client.CoreV1.CreateNodeAsync(node);
        await SetNodeStatusAsync(node.Metadata.Name, status);
    }

    public async Task SetNodeStatusAsync(string name, V1NodeStatus status)
    {
        var now = DateTime.UtcNow;
        foreach (var condition in status.Conditions ?? [])
        {
            condition.LastHeartbeatTime = now;
            condition.LastTransitionTime = now;
        }

        var patch = new JsonObject { ["status"] = JsonNode.Parse(KubernetesJson.Serialize(status)) };
        await Client.CoreV1.PatchNodeStatusAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name);
    }

    /// <summary>Creates or renews the node's Lease in kube-node-lease with the given renewTime.</summary>
    public async Task RenewLeaseAsync(string node, DateTime? renewed = null)
    {
        var spec = new V1LeaseSpec { HolderIdentity = node, LeaseDurationSeconds = 40, RenewTime = renewed ?? DateTime.UtcNow };
        try
        {
            var lease = await Client.CoordinationV1.ReadNamespacedLeaseAsync(node, "kube-node-lease");
            lease.Spec = spec;
            await Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, node, "kube-node-lease");
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await Client.CoordinationV1.CreateNamespacedLeaseAsync(
                new V1Lease { Metadata = new V1ObjectMeta { Name = node, NamespaceProperty = "kube-node-lease" }, Spec = spec }, "kube-node-lease");
        }
    }

    /// <summary>Creates the pod; one with spec.nodeName is bound already, and then gets Ready=True as its kubelet would post.</summary>
    public async Task<V1Pod> CreatePodAsync(V1Pod pod)
    {
        pod.Metadata.Uid = null;
        pod.Metadata.CreationTimestamp = null;
        pod.Status = null;
        var created = await Client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty ?? "default");
        if (!string.IsNullOrEmpty(pod.Spec.NodeName))
        {
            var ready = new JsonObject
            {
                ["status"] = new JsonObject
                {
                    ["phase"] = "Running",
                    ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["lastTransitionTime"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) }),
                },
            };
            created = await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(ready.ToJsonString(), V1Patch.PatchType.StrategicMergePatch), created.Metadata.Name, created.Metadata.NamespaceProperty);
        }

        return created;
    }

    public async Task<V1Pod?> FindPodAsync(string name, string ns = "default")
    {
        try
        {
            return await Client.CoreV1.ReadNamespacedPodAsync(name, ns);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
