using k8s.Models;
using VmAddon.DevCluster.Scheduling;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// kube-controller-manager's node health check (tryUpdateNodeHealth), without I/O. The kubelet's last sign of life is
/// the latest of its Lease's renewTime, its Ready condition's lastHeartbeatTime and the node's creation. When that is
/// older than the grace period (the startup grace while the node never posted Ready), the Ready, MemoryPressure,
/// DiskPressure and PIDPressure conditions become Unknown: "Kubelet stopped posting node status." (NodeStatusUnknown),
/// or "Kubelet never posted node status." (NodeStatusNeverUpdated) for one that was missing. NetworkUnavailable is left
/// alone, as kube does. Unlike kube, which times heartbeats by its own clock when it observes them, the timestamps are
/// read from the objects, so a restarted controller acts at once; the dev cluster's parts share one clock.
/// </summary>
internal static class NodeHealthPolicy
{
    public const string StoppedReason = "NodeStatusUnknown";
    public const string StoppedMessage = "Kubelet stopped posting node status.";
    public const string NeverReason = "NodeStatusNeverUpdated";
    public const string NeverMessage = "Kubelet never posted node status.";

    private static readonly string[] WatchedConditions = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

    public static NodeHealth Assess(V1Node node, V1Lease? lease, DateTimeOffset now, NodeLifecycleOptions options)
    {
        var conditions = node.Status?.Conditions ?? [];
        var ready = conditions.FirstOrDefault(c => c.Type == "Ready");
        var created = ApiTime.From(node.Metadata.CreationTimestamp) ?? DateTimeOffset.MinValue;
        var heartbeat = Latest(created, ApiTime.From(lease?.Spec?.RenewTime), ApiTime.From(ready?.LastHeartbeatTime));
        var grace = ready is null ? options.StartupGracePeriod : options.GracePeriod;
        var stale = heartbeat != DateTimeOffset.MinValue && now - heartbeat > grace;
        if (!stale)
        {
            return new NodeHealth(heartbeat, false, null);
        }

        var transition = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime;
        var updated = conditions.Select(Copy).ToList();
        var changed = false;
        foreach (var type in WatchedConditions)
        {
            var condition = updated.FirstOrDefault(c => c.Type == type);
            if (condition is null)
            {
                updated.Add(new V1NodeCondition
                {
                    Type = type,
                    Status = "Unknown",
                    Reason = NeverReason,
                    Message = NeverMessage,
                    LastHeartbeatTime = node.Metadata.CreationTimestamp,
                    LastTransitionTime = transition,
                });
                changed = true;
            }
            else if (condition.Status != "Unknown")
            {
                condition.Status = "Unknown";
                condition.Reason = StoppedReason;
                condition.Message = StoppedMessage;
                condition.LastTransitionTime = transition;
                changed = true;
            }
        }

        return new NodeHealth(heartbeat, true, changed ? updated : null);
    }

    /// <summary>Whether a pod on a node that is not Ready still has to be marked not ready: kube's MarkPodsNotReady only turns an existing Ready condition False.</summary>
    public static bool PodNeedsNotReady(V1Pod pod) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { } ready && ready.Status != "False";

    private static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.Aggregate(first, (latest, t) => t is { } value && value > latest ? value : latest);

    private static V1NodeCondition Copy(V1NodeCondition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        Reason = c.Reason,
        Message = c.Message,
        LastHeartbeatTime = c.LastHeartbeatTime,
        LastTransitionTime = c.LastTransitionTime,
    };
}
