using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>kube-scheduler's TaintToleration plugin: every NoSchedule and NoExecute taint must be tolerated; PreferNoSchedule is ignored (it only scores).</summary>
internal static class TaintTolerationFilter
{
    public static NodeRejection? Filter(V1PodSpec pod, SchedulingNode node) =>
        TaintMatching.FirstUntoleratedForScheduling(node.Taints, pod.Tolerations) is { } taint
            ? NodeRejection.Hard($"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}")
            : null;
}
