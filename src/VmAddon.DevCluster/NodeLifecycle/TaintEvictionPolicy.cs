using k8s.Models;
using VmAddon.DevCluster.Scheduling;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// kube-controller-manager's taint eviction (NoExecuteTaintManager), without I/O: a pod on a node with NoExecute taints
/// is evicted at once when some taint is not tolerated; otherwise after the smallest tolerationSeconds among the
/// tolerations used (the first that matches each taint; zero or less means at once), and never when none of them has
/// tolerationSeconds. The clock starts when the taint giving that smallest time was added (its timeAdded), or when the
/// pod came to the node if later.
/// </summary>
internal static class TaintEvictionPolicy
{
    /// <summary>When the pod must be evicted (possibly already past), or null when it may stay; <paramref name="taintSince"/> tells when a taint appeared (its timeAdded, or when the controller first saw it).</summary>
    public static DateTimeOffset? EvictionTime(V1Pod pod, IReadOnlyList<V1Taint> nodeTaints, Func<V1Taint, DateTimeOffset> taintSince)
    {
        var taints = nodeTaints.Where(t => t.Effect == TaintMatching.NoExecute).ToList();
        if (taints.Count == 0)
        {
            return null;
        }

        var onNodeSince = OnNodeSince(pod);
        if (TaintMatching.MatchingTolerations(taints, pod.Spec?.Tolerations) is not { } used)
        {
            return Later(taints.Max(taintSince), onNodeSince);
        }

        // The taint whose toleration runs out first decides; a toleration without seconds tolerates forever.
        var limited = taints.Zip(used)
            .Where(pair => pair.Second.TolerationSeconds is not null)
            .Select(pair => (Taint: pair.First, Seconds: Math.Max(0, pair.Second.TolerationSeconds!.Value)))
            .OrderBy(pair => pair.Seconds)
            .ThenBy(pair => taintSince(pair.Taint))
            .ToList();
        if (limited.Count == 0)
        {
            return null;
        }

        var (taint, seconds) = limited[0];
        return Later(taintSince(taint), onNodeSince) + TimeSpan.FromSeconds(seconds);
    }

    /// <summary>When the pod was bound to its node: its PodScheduled=True transition, else its creation.</summary>
    public static DateTimeOffset OnNodeSince(V1Pod pod) =>
        ApiTime.From(pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "True")?.LastTransitionTime)
        ?? ApiTime.From(pod.Metadata.CreationTimestamp)
        ?? DateTimeOffset.MinValue;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
