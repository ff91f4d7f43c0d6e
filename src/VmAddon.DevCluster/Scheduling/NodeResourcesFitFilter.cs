namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// kube-scheduler's NodeResourcesFit plugin (Kubernetes 1.32): the pod count, then cpu, memory, ephemeral-storage and
/// extended resources requested must fit in the node's allocatable minus what its unfinished pods request. Each
/// shortfall is its own reason, and all are reported.
/// </summary>
internal static class NodeResourcesFitFilter
{
    public const string TooManyPods = "Too many pods";

    public static NodeRejection? Filter(ResourceAmounts podRequests, SchedulingNode node)
    {
        var reasons = new List<string>();
        if (node.Pods.Count + 1 > node.Allocatable[ResourceAmounts.Pods])
        {
            reasons.Add(TooManyPods);
        }

        if (!podRequests.IsZero)
        {
            foreach (var name in (string[])[ResourceAmounts.Cpu, ResourceAmounts.Memory, ResourceAmounts.EphemeralStorage])
            {
                if (podRequests[name] > 0 && podRequests[name] > node.Allocatable[name] - node.Requested[name])
                {
                    reasons.Add($"Insufficient {name}");
                }
            }

            foreach (var name in podRequests.Names.Where(IsScalar).Order(StringComparer.Ordinal))
            {
                if (podRequests[name] > 0 && podRequests[name] > node.Allocatable[name] - node.Requested[name])
                {
                    reasons.Add($"Insufficient {name}");
                }
            }
        }

        return reasons.Count > 0 ? NodeRejection.Soft(reasons) : null;
    }

    // Extended resources (a domain-prefixed name such as devices.kubevirt.io/kvm), prefixed native ones, hugepages and attachable volumes.
    private static bool IsScalar(string name) =>
        name.Contains('/', StringComparison.Ordinal) || name.StartsWith("hugepages-", StringComparison.Ordinal) || name.StartsWith("attachable-volumes-", StringComparison.Ordinal);
}
