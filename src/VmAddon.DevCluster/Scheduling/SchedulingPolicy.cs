using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// The scheduling decision for one pod, as kube-scheduler's default profile makes it, without I/O. Filters run per node
/// in kube's order (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit) and the first that
/// rejects gives the node's reasons. Among the nodes that fit, the pod goes to the one left with the largest free share
/// of cpu and memory once it is placed (kube's LeastAllocated score, counting pods without requests at 100m cpu and
/// 200 MiB), ties going to the first name in ordinal order. kube-scheduler's other scores (balanced allocation, topology
/// spreading, preferred affinity, PreferNoSchedule, image locality) and its random tie-break are left out, so placement
/// is deterministic: it spreads pods across nodes by what they request.
/// </summary>
internal static class SchedulingPolicy
{
    /// <summary>Decides where <paramref name="pod"/> goes, given every node and every pod already bound to a node (finished pods are ignored).</summary>
    public static SchedulingDecision Decide(V1Pod pod, IReadOnlyCollection<V1Node> nodes, IEnumerable<V1Pod> assignedPods) =>
        Decide(pod, SchedulingNode.ForCluster(nodes, assignedPods));

    /// <summary>Decides where <paramref name="pod"/> goes among <paramref name="candidates"/> (see <see cref="SchedulingNode.ForCluster"/>).</summary>
    public static SchedulingDecision Decide(V1Pod pod, IReadOnlyList<SchedulingNode> candidates)
    {
        if (candidates.Count == 0)
        {
            return SchedulingDecision.Unschedulable(FailureMessage.NoNodes, new Dictionary<string, NodeRejection>(StringComparer.Ordinal));
        }

        var preemptionNever = pod.Spec.PreemptionPolicy == "Never";
        var rejections = new Dictionary<string, NodeRejection>(StringComparer.Ordinal);

        var named = NodeAffinityFilter.NamedNodes(pod.Spec);
        if (named is { Count: 0 })
        {
            foreach (var node in candidates)
            {
                rejections[node.Name] = NodeRejection.Hard(NodeAffinityFilter.ConflictReason);
            }

            return SchedulingDecision.Unschedulable(
                FailureMessage.Format(candidates.Count, NodeAffinityFilter.ConflictReason, [], FailureMessage.Preemption(candidates.Count, rejections.Values, preemptionNever)),
                rejections);
        }

        var requests = PodRequests.Of(pod.Spec);
        var nonZero = PodRequests.NonZeroOf(pod.Spec);
        SchedulingNode? best = null;
        var bestScore = double.MinValue;
        foreach (var node in candidates)
        {
            if (named is not null && !named.Contains(node.Name))
            {
                rejections[node.Name] = NodeRejection.Hard(NodeAffinityFilter.NotNamedReason);
                continue;
            }

            if (Filter(pod.Spec, requests, node) is { } rejection)
            {
                rejections[node.Name] = rejection;
                continue;
            }

            var score = LeastAllocatedScore(nonZero, node);
            if (score > bestScore)
            {
                (best, bestScore) = (node, score);
            }
        }

        if (best is not null)
        {
            return SchedulingDecision.Bind(best.Name, rejections);
        }

        return SchedulingDecision.Unschedulable(
            FailureMessage.Format(candidates.Count, null, rejections.Values, FailureMessage.Preemption(candidates.Count, rejections.Values, preemptionNever)),
            rejections);
    }

    /// <summary>Whether a pod no longer holds its node's resources (Succeeded or Failed), as kube-scheduler's cache sees it.</summary>
    public static bool IsFinished(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    private static NodeRejection? Filter(V1PodSpec pod, ResourceAmounts requests, SchedulingNode node) =>
        NodeUnschedulableFilter.Filter(pod, node)
        ?? TaintTolerationFilter.Filter(pod, node)
        ?? NodeAffinityFilter.Filter(pod, node)
        ?? NodePortsFilter.Filter(pod, node)
        ?? NodeResourcesFitFilter.Filter(requests, node);

    // The mean over cpu and memory of the share left free after placing the pod; a resource the node does not offer scores 0.
    private static double LeastAllocatedScore(ResourceAmounts podNonZero, SchedulingNode node)
    {
        var total = 0.0;
        foreach (var name in (string[])[ResourceAmounts.Cpu, ResourceAmounts.Memory])
        {
            var allocatable = node.Allocatable[name];
            var requested = node.NonZeroRequested[name] + podNonZero[name];
            total += allocatable <= 0 || requested > allocatable ? 0 : (allocatable - requested) / (double)allocatable;
        }

        return total / 2;
    }
}
