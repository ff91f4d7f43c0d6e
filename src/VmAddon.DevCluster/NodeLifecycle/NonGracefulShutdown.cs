using k8s.Models;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// Kubernetes' non-graceful node shutdown, as the pod garbage collector does it (gcTerminating): a terminating pod on a
/// node that is not Ready and carries the node.kubernetes.io/out-of-service taint (any effect) is marked Failed and
/// force-deleted, since no kubelet will ever confirm its end. With the usual NoExecute effect, the taint first evicts the
/// pods that do not tolerate it, so they all go.
/// </summary>
internal static class NonGracefulShutdown
{
    public static bool ShouldForceDelete(V1Pod pod, V1Node node) =>
        pod.Metadata.DeletionTimestamp is not null
        && !WellKnownTaints.IsReady(node)
        && (node.Spec?.Taints ?? []).Any(t => t.Key == WellKnownTaints.OutOfService);
}
