using k8s.Models;
using VmAddon.DevCluster.NodeLifecycle;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>kube-scheduler's NodeUnschedulable plugin: a cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable:NoSchedule.</summary>
internal static class NodeUnschedulableFilter
{
    public const string Reason = "node(s) were unschedulable";

    private static readonly V1Taint Cordon = new() { Key = WellKnownTaints.Unschedulable, Effect = TaintMatching.NoSchedule };

    public static NodeRejection? Filter(V1PodSpec pod, SchedulingNode node) =>
        node.Node.Spec?.Unschedulable == true && !TaintMatching.Tolerated(pod.Tolerations, Cordon) ? NodeRejection.Hard(Reason) : null;
}
