using k8s.Models;
using VmAddon.DevCluster.NodeLifecycle;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>A node as the scheduler weighs it: the node, the unfinished pods bound to it, and what they request (kube-scheduler's NodeInfo).</summary>
internal sealed class SchedulingNode
{
    private readonly List<V1Pod> _pods = [];

    public SchedulingNode(V1Node node, IEnumerable<V1Pod> pods)
    {
        Node = node;
        // An apiserver defaults allocatable to capacity; a node written without allocatable gets the same here.
        Allocatable = ResourceAmounts.From(node.Status?.Allocatable is { Count: > 0 } allocatable ? allocatable : node.Status?.Capacity);
        foreach (var pod in pods)
        {
            Add(pod);
        }

        Taints = EffectiveTaints(node);
    }

    public V1Node Node { get; }

    public string Name => Node.Metadata.Name;

    public IReadOnlyList<V1Pod> Pods => _pods;

    public ResourceAmounts Allocatable { get; }

    public ResourceAmounts Requested { get; } = new();

    public ResourceAmounts NonZeroRequested { get; } = new();

    /// <summary>The node's taints, plus the NoSchedule taints its conditions call for that the node lifecycle controller has not added (yet).</summary>
    public IReadOnlyList<V1Taint> Taints { get; }

    /// <summary>The cluster as the scheduler weighs it, in node name order: each node with the unfinished pods bound to it.</summary>
    public static List<SchedulingNode> ForCluster(IEnumerable<V1Node> nodes, IEnumerable<V1Pod> assignedPods)
    {
        var podsByNode = assignedPods
            .Where(p => !string.IsNullOrEmpty(p.Spec?.NodeName) && !SchedulingPolicy.IsFinished(p))
            .ToLookup(p => p.Spec.NodeName, StringComparer.Ordinal);
        return [.. nodes.OrderBy(n => n.Metadata.Name, StringComparer.Ordinal).Select(n => new SchedulingNode(n, podsByNode[n.Metadata.Name]))];
    }

    /// <summary>Counts a pod bound to this node (one the scheduler just bound, before the watch shows it).</summary>
    public void Add(V1Pod pod)
    {
        _pods.Add(pod);
        Requested.Add(PodRequests.Of(pod.Spec));
        NonZeroRequested.Add(PodRequests.NonZeroOf(pod.Spec));
    }

    // The scheduler only places pods on Ready nodes even when no node lifecycle controller taints the others; a node that
    // never reported Ready counts as not ready. Expressing that as the controller's taint keeps kube's message and lets a
    // pod that tolerates the taint (as DaemonSet pods do) still go there.
    private static List<V1Taint> EffectiveTaints(V1Node node)
    {
        var taints = new List<V1Taint>(node.Spec?.Taints ?? []);
        var implied = ConditionTaints.Desired(node).Where(t => t.Effect == TaintMatching.NoSchedule && t.Key != WellKnownTaints.Unschedulable).ToList();
        if (WellKnownTaints.ReadyStatus(node) is null)
        {
            implied.Add(new V1Taint { Key = WellKnownTaints.NotReady, Effect = TaintMatching.NoSchedule });
        }

        taints.AddRange(implied.Where(i => !taints.Any(t => t.Key == i.Key && t.Effect == i.Effect)));
        return taints;
    }
}
