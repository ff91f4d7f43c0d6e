namespace VmAddon.Core.Machines;

/// <summary>
/// The fencing rule for VMIs on a lost node: a VM must never run twice, so a VMI on a NotReady node is failed (reason
/// NodeUnresponsive, letting its VM start a new one elsewhere) only once its launcher pod is confirmed gone: deleted
/// by the node's kubelet, or force-deleted after the node.kubernetes.io/out-of-service taint. A pod that is merely
/// Terminating may still be running its QEMU on a partitioned node.
/// </summary>
public static class NodeFencing
{
    public const string NodeUnresponsiveReason = "NodeUnresponsive";

    /// <param name="nodeNotReadySince">When the node's Ready condition stopped being True; null when it is Ready.</param>
    /// <param name="podGone">Whether the VMI's launcher pod no longer exists.</param>
    /// <param name="timeout">How long a node may be NotReady before its VMIs are considered.</param>
    /// <param name="now">The clock.</param>
    public static FencingDecision Decide(DateTimeOffset? nodeNotReadySince, bool podGone, TimeSpan timeout, DateTimeOffset now)
    {
        if (nodeNotReadySince is not { } since || now - since < timeout)
        {
            return nodeNotReadySince is { } s ? new FencingDecision(false, s + timeout - now) : new FencingDecision(false, null);
        }

        // Past the timeout, still wait for proof that the pod is gone; its deletion is an event, so no timer is needed.
        return new FencingDecision(podGone, null);
    }
}

/// <summary>Whether to fail the VMI now, and when to look again.</summary>
public sealed record FencingDecision(bool FailInstance, TimeSpan? RecheckAfter);
