using System.Text.Json;
using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Controller.Instances;
using VmAddon.Controller.Runtime;
using VmAddon.Core.Machines;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;
using VmAddon.Kube.Queue;
using VmAddon.Kube.Status;

namespace VmAddon.Controller.Nodes;

/// <summary>
/// The node controller: per node, it fences the VMIs of a node that has been NotReady past the monitor timeout
/// (<see cref="NodeFencing"/>: failed with NodeUnresponsive only once their launcher pods are confirmed gone, so a VM
/// never runs twice), and labels a node whose agent heartbeat went stale as not schedulable for new launchers.
/// </summary>
public sealed class NodeController
{
    public const string Name = "node";

    private readonly IKubernetes _client;
    private readonly InformerCache<V1Node> _nodes;
    private readonly InformerCache<VirtualMachineInstance> _vmis;
    private readonly InformerCache<V1Pod> _pods;
    private readonly NodeControllerOptions _options;
    private readonly ControllerContext _context;
    private readonly StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus> _status;

    /// <param name="client">For nodes and pods.</param>
    /// <param name="clients">For VMI status.</param>
    /// <param name="nodes">All nodes.</param>
    /// <param name="vmis">All VMIs; this controller indexes them by their vmaddon.io/nodeName label.</param>
    /// <param name="pods">The launcher pods.</param>
    /// <param name="options">The timeouts.</param>
    /// <param name="context">Clock, log, events, metrics.</param>
    public NodeController(
        IKubernetes client, VmAddonClients clients, InformerCache<V1Node> nodes, InformerCache<VirtualMachineInstance> vmis, InformerCache<V1Pod> pods,
        NodeControllerOptions options, ControllerContext context)
    {
        _client = client;
        _nodes = nodes;
        _vmis = vmis;
        _pods = pods;
        _options = options;
        _context = context;
        _status = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(clients.VirtualMachineInstances);
        Queue = new WorkQueue(time: context.Time);
        vmis.IndexByNode(InstanceMetadata.NodeOf);
        nodes.AddHandler(InformerHandlers.EnqueueKey<V1Node>(Queue));
        vmis.AddHandler(new InformerHandler<VirtualMachineInstance>
        {
            OnAdded = vmi => Enqueue(InstanceMetadata.NodeOf(vmi)),
            OnUpdated = (old, vmi) =>
            {
                Enqueue(InstanceMetadata.NodeOf(old));
                Enqueue(InstanceMetadata.NodeOf(vmi));
            },
        });
        pods.AddHandler(new InformerHandler<V1Pod>
        {
            OnUpdated = (_, pod) => Enqueue(pod.Spec?.NodeName),
            OnDeleted = (pod, _) => Enqueue(pod.Spec?.NodeName),
        });
    }

    public WorkQueue Queue { get; }

    /// <summary>Runs the workers until cancelled; the caches must be running.</summary>
    public Task RunAsync(int workers, CancellationToken cancellationToken) => ControllerLoop.RunAsync(
        Name, Queue, [_nodes.WaitForSyncAsync(cancellationToken), _vmis.WaitForSyncAsync(cancellationToken), _pods.WaitForSyncAsync(cancellationToken)],
        workers, ReconcileAsync, _context, cancellationToken);

    public async Task ReconcileAsync(string nodeName, CancellationToken cancellationToken)
    {
        var node = _nodes.Get(nodeName);
        var now = _context.Time.GetUtcNow();
        TimeSpan? recheck = null;
        if (node is not null)
        {
            recheck = await CheckHeartbeatAsync(node, now, cancellationToken).ConfigureAwait(false);
        }

        var notReadySince = NodeReadiness.NotReadySince(node);
        foreach (var vmi in _vmis.ByIndex(InformerCache<VirtualMachineInstance>.NodeIndex, nodeName))
        {
            if (vmi.Status?.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
            {
                continue;
            }

            var fencing = NodeFencing.Decide(notReadySince, LauncherPods.Of(_pods, vmi).Count == 0, _options.NodeMonitorTimeout, now);
            recheck = Earlier(recheck, fencing.RecheckAfter);
            if (fencing.FailInstance && !await LauncherPods.AnyInApiAsync(_client, vmi, cancellationToken).ConfigureAwait(false))
            {
                var result = await _status.UpdateAsync(vmi, current => InstanceStatusPolicy.Fail(current.Status, NodeFencing.NodeUnresponsiveReason, _context.Time.GetUtcNow()),
                    cancellationToken).ConfigureAwait(false);
                if (result.Outcome == StatusUpdateOutcome.Updated)
                {
                    ControllerLog.Fenced(_context.Log, nodeName, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
                    await _context.EventAsync(vmi, EventTypes.Warning, NodeFencing.NodeUnresponsiveReason, "Fence",
                        $"node {nodeName} is not ready and the launcher pod is gone: the instance failed", cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (recheck is { } later)
        {
            Queue.AddAfter(nodeName, later);
        }
    }

    // A stale agent heartbeat takes the node out of launcher scheduling; the agent puts it back when it beats again.
    private async Task<TimeSpan?> CheckHeartbeatAsync(V1Node node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var verdict = NodeReadiness.Heartbeat(node.Metadata.Annotations?.TryGetValue(VmAddonMetadata.HeartbeatAnnotation, out var beat) == true ? beat : null,
            _options.HeartbeatTimeout, now);
        if (verdict.Stale && node.Metadata.Labels?.TryGetValue(VmAddonMetadata.SchedulableNodeLabel, out var schedulable) == true && schedulable != "false")
        {
            var patch = JsonSerializer.Serialize(new { metadata = new { labels = new Dictionary<string, string> { [VmAddonMetadata.SchedulableNodeLabel] = "false" } } });
            ControllerLog.HeartbeatStale(_context.Log, node.Metadata.Name);
            await _client.CoreV1.PatchNodeAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), node.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _context.EventAsync(node, EventTypes.Warning, "HeartbeatStale", "Label",
                $"the vmaddon agent's heartbeat is older than {_options.HeartbeatTimeout}: no new VMs go to this node", cancellationToken).ConfigureAwait(false);
        }

        return verdict.RecheckAfter;
    }

    private void Enqueue(string? node)
    {
        if (!string.IsNullOrEmpty(node))
        {
            Queue.Add(node);
        }
    }

    private static TimeSpan? Earlier(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
