using k8s.Models;
using VmAddon.DevCluster.Scheduling;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// The taints kube-controller-manager's node lifecycle controller keeps on a node from its conditions ("taint nodes by
/// condition") and its cordon: NoSchedule for Ready False/Unknown, the pressure conditions, NetworkUnavailable and
/// spec.unschedulable; NoExecute for Ready False (not-ready) or Unknown (unreachable), which evicts pods.
/// </summary>
internal static class ConditionTaints
{
    private static readonly Dictionary<(string Type, string Status), string> NoScheduleByCondition = new()
    {
        [("Ready", "False")] = WellKnownTaints.NotReady,
        [("Ready", "Unknown")] = WellKnownTaints.Unreachable,
        [("MemoryPressure", "True")] = WellKnownTaints.MemoryPressure,
        [("DiskPressure", "True")] = WellKnownTaints.DiskPressure,
        [("NetworkUnavailable", "True")] = WellKnownTaints.NetworkUnavailable,
        [("PIDPressure", "True")] = WellKnownTaints.PidPressure,
    };

    private static readonly HashSet<string> NoScheduleKeys = [.. NoScheduleByCondition.Values, WellKnownTaints.Unschedulable];

    /// <summary>Whether the controller owns this taint (adds and removes it); any other taint is left alone.</summary>
    public static bool IsManaged(V1Taint taint) => taint.Effect switch
    {
        TaintMatching.NoSchedule => NoScheduleKeys.Contains(taint.Key),
        TaintMatching.NoExecute => taint.Key is WellKnownTaints.NotReady or WellKnownTaints.Unreachable,
        _ => false,
    };

    /// <summary>The managed taints the node should carry (without timeAdded), in condition order.</summary>
    public static IReadOnlyList<V1Taint> Desired(V1Node node)
    {
        var desired = new List<V1Taint>();
        foreach (var condition in node.Status?.Conditions ?? [])
        {
            if (NoScheduleByCondition.TryGetValue((condition.Type, condition.Status), out var key) && !desired.Any(t => t.Key == key))
            {
                desired.Add(new V1Taint { Key = key, Effect = TaintMatching.NoSchedule });
            }
        }

        if (node.Spec?.Unschedulable == true)
        {
            desired.Add(new V1Taint { Key = WellKnownTaints.Unschedulable, Effect = TaintMatching.NoSchedule });
        }

        switch (WellKnownTaints.ReadyStatus(node))
        {
            case "False":
                desired.Add(new V1Taint { Key = WellKnownTaints.NotReady, Effect = TaintMatching.NoExecute });
                break;
            case "Unknown":
                desired.Add(new V1Taint { Key = WellKnownTaints.Unreachable, Effect = TaintMatching.NoExecute });
                break;
        }

        return desired;
    }

    /// <summary>
    /// The node's taints with the managed ones brought in line with <see cref="Desired"/>: other taints and managed taints
    /// still wanted keep their place and timeAdded, new ones are appended with timeAdded = now. Null when nothing changes.
    /// </summary>
    public static IList<V1Taint>? Reconcile(V1Node node, DateTimeOffset now)
    {
        var current = node.Spec?.Taints ?? [];
        var desired = Desired(node);
        var kept = current.Where(t => !IsManaged(t) || desired.Any(d => Same(d, t))).ToList();
        var added = desired.Where(d => !current.Any(t => Same(d, t))).ToList();
        if (kept.Count == current.Count && added.Count == 0)
        {
            return null;
        }

        // Taint times are metav1.Time: whole seconds.
        var timeAdded = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime;
        return [.. kept, .. added.Select(t => new V1Taint { Key = t.Key, Effect = t.Effect, TimeAdded = timeAdded })];
    }

    private static bool Same(V1Taint a, V1Taint b) => a.Key == b.Key && a.Effect == b.Effect;
}
