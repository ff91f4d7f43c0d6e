using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Nodes.Host;

namespace VmAddon.DevCluster.Nodes;

/// <summary>
/// One simulated node, doing the kubelet's job with host processes: it registers its Node, renews its Lease, watches
/// the pods bound to it and runs each with a <see cref="PodWorker"/>. Stopping it stops every pod it runs; starting it
/// again removes what an earlier run left behind and starts the node's pods afresh.
/// </summary>
public sealed class NodeRunner : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PodWorker> _workers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly NodeContext _node;
    private Task _loops = Task.CompletedTask;

    public NodeRunner(IKubernetes client, NodeRunnerOptions options, TimeProvider time, ILogger log)
    {
        var root = Path.Combine(Path.GetFullPath(options.Directory), options.NodeName);
        _node = new NodeContext(client, options.NodeName, new PodPaths(root), options.Images, new NodeBridge(options.Index), options, time, log);
    }

    public string NodeName => _node.NodeName;

    /// <summary>The node's InternalIP (its bridge address).</summary>
    public string HostIp => _node.HostIp;

    /// <summary>The port the kubelet API listens on, advertised in the Node's daemonEndpoints; 0 until started.</summary>
    public int KubeletPort { get; set; }

    /// <summary>Registers the node and starts its loops.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _node.Bridge.EnsureAsync().ConfigureAwait(false);
        await _node.Bridge.RemoveLeftoversAsync().ConfigureAwait(false);
        if (Directory.Exists(_node.Paths.PodsRoot))
        {
            Directory.Delete(_node.Paths.PodsRoot, recursive: true);
        }

        await RegisterAsync(cancellationToken).ConfigureAwait(false);
        await RenewLeaseAsync(cancellationToken).ConfigureAwait(false);
        _loops = Task.WhenAll(Task.Run(() => LeaseLoopAsync(_stop.Token), CancellationToken.None), Task.Run(() => PodLoopAsync(_stop.Token), CancellationToken.None));
    }

    /// <summary>The worker of a pod this node runs, by namespace and name.</summary>
    internal PodWorker? Worker(string ns, string name) =>
        _workers.Values.FirstOrDefault(w => w.Pod.Metadata.NamespaceProperty == ns && w.Pod.Metadata.Name == name);

    internal PodPaths Paths => _node.Paths;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        await Task.WhenAll(_workers.Values.Select(w => w.DisposeAsync().AsTask())).ConfigureAwait(false);
        _workers.Clear();
        _stop.Dispose();
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(_node.Options.Labels)
        {
            ["kubernetes.io/hostname"] = NodeName,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["beta.kubernetes.io/arch"] = "amd64",
        };
        V1Node node;
        try
        {
            node = await _node.Client.CoreV1.ReadNodeAsync(NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in labels)
            {
                node.Metadata.Labels ??= new Dictionary<string, string>();
                node.Metadata.Labels[key] = value;
            }

            node = await _node.Client.CoreV1.ReplaceNodeAsync(node, NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            node = await _node.Client.CoreV1.CreateNodeAsync(new V1Node
            {
                Metadata = new V1ObjectMeta { Name = NodeName, Labels = labels },
                Spec = new V1NodeSpec { PodCIDR = _node.Bridge.Cidr, PodCIDRs = [_node.Bridge.Cidr] },
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        node.Status = Status(node.Status);
        await _node.Client.CoreV1.ReplaceNodeStatusAsync(node, NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private V1NodeStatus Status(V1NodeStatus? old)
    {
        var now = _node.Time.GetUtcNow().UtcDateTime;
        var resources = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(_node.Options.Cpu),
            ["memory"] = new(_node.Options.Memory),
            ["pods"] = new(_node.Options.MaxPods.ToString(CultureInfo.InvariantCulture)),
            ["ephemeral-storage"] = new("100Gi"),
        };
        V1NodeCondition Condition(string type, string status, string reason, string message) => new()
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastHeartbeatTime = now,
            LastTransitionTime = old?.Conditions?.FirstOrDefault(c => c.Type == type && c.Status == status)?.LastTransitionTime ?? now,
        };

        return new V1NodeStatus
        {
            Capacity = resources,
            Allocatable = resources,
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = _node.HostIp }, new V1NodeAddress { Type = "Hostname", Address = NodeName }],
            DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = KubeletPort } },
            NodeInfo = new V1NodeSystemInfo
            {
                Architecture = "amd64",
                OperatingSystem = "linux",
                OsImage = "vmaddon-dev node (host processes)",
                KernelVersion = Environment.OSVersion.Version.ToString(),
                KubeletVersion = "v1.32.0-vmaddon-dev",
                KubeProxyVersion = "",
                ContainerRuntimeVersion = "vmaddon-dev://processes",
                MachineID = NodeName,
                SystemUUID = NodeName,
                BootID = Guid.NewGuid().ToString(),
            },
            Conditions =
            [
                Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
            ],
        };
    }

    private async Task LeaseLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_node.Options.LeaseRenewInterval, _node.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await RenewLeaseAsync(cancellationToken).ConfigureAwait(false);
                    await RefreshReadyAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpOperationException or HttpRequestException)
                {
                    _node.Log.LogWarning("node {Node}: could not renew its lease: {Error}", NodeName, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RenewLeaseAsync(CancellationToken cancellationToken)
    {
        var now = _node.Time.GetUtcNow().UtcDateTime;
        try
        {
            var lease = await _node.Client.CoordinationV1.ReadNamespacedLeaseAsync(NodeName, "kube-node-lease", cancellationToken: cancellationToken).ConfigureAwait(false);
            lease.Spec.RenewTime = now;
            lease.Spec.HolderIdentity = NodeName;
            await _node.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, NodeName, "kube-node-lease", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await _node.Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = NodeName },
                Spec = new V1LeaseSpec { HolderIdentity = NodeName, LeaseDurationSeconds = 40, RenewTime = now },
            }, "kube-node-lease", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    // After an outage the node controller set Ready to Unknown; the kubelet posts Ready again as it comes back.
    private async Task RefreshReadyAsync(CancellationToken cancellationToken)
    {
        var node = await _node.Client.CoreV1.ReadNodeAsync(NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status != "True" || node.Status.DaemonEndpoints?.KubeletEndpoint?.Port != KubeletPort)
        {
            node.Status = Status(node.Status);
            await _node.Client.CoreV1.ReplaceNodeStatusAsync(node, NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    // List, then watch from the list's resourceVersion; a watch that ends or expires starts over with a fresh list.
    private async Task PodLoopAsync(CancellationToken cancellationToken)
    {
        var selector = $"spec.nodeName={NodeName}";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var list = await _node.Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
                await ReconcileAsync(list.Items).ConfigureAwait(false);
                await foreach (var (type, pod) in _node.Client.CoreV1.WatchListPodForAllNamespacesAsync(
                    fieldSelector: selector, resourceVersion: list.Metadata.ResourceVersion, allowWatchBookmarks: true, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    switch (type)
                    {
                        case WatchEventType.Added or WatchEventType.Modified:
                            await ObserveAsync(pod).ConfigureAwait(false);
                            break;
                        case WatchEventType.Deleted:
                            await ForgetAsync(pod.Metadata.Uid).ConfigureAwait(false);
                            break;
                        case WatchEventType.Error:
                            throw new InvalidOperationException("the pod watch ended with an error; relisting");
                        default:
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or InvalidOperationException or IOException or KubernetesException)
            {
                _node.Log.LogInformation("node {Node}: pod watch restarts: {Error}", NodeName, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), _node.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReconcileAsync(IList<V1Pod> pods)
    {
        var live = pods.Select(p => p.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _workers.Keys.Where(uid => !live.Contains(uid)).ToList())
        {
            await ForgetAsync(gone).ConfigureAwait(false);
        }

        foreach (var pod in pods)
        {
            await ObserveAsync(pod).ConfigureAwait(false);
        }
    }

    private Task ObserveAsync(V1Pod pod)
    {
        if (_workers.TryGetValue(pod.Metadata.Uid, out var worker))
        {
            worker.Update(pod);
            return Task.CompletedTask;
        }

        if (pod.Status?.Phase is "Succeeded" or "Failed" && pod.Metadata.DeletionTimestamp is null)
        {
            return Task.CompletedTask; // finished before this runner started: nothing to run
        }

        worker = new PodWorker(_node, pod);
        if (_workers.TryAdd(pod.Metadata.Uid, worker))
        {
            worker.Update(pod);
            worker.Start();
        }

        return Task.CompletedTask;
    }

    private async Task ForgetAsync(string uid)
    {
        if (_workers.TryRemove(uid, out var worker))
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }
}
