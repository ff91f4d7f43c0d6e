namespace VmAddon.DevCluster.Scheduling;

/// <summary>Where a pod goes: <see cref="Node"/> to bind it to, or null with kube-scheduler's <see cref="Message"/> saying why no node fits.</summary>
internal sealed record SchedulingDecision(string? Node, string? Message, IReadOnlyDictionary<string, NodeRejection> Rejections)
{
    public static SchedulingDecision Bind(string node, IReadOnlyDictionary<string, NodeRejection> rejections) => new(node, null, rejections);

    public static SchedulingDecision Unschedulable(string message, IReadOnlyDictionary<string, NodeRejection> rejections) => new(null, message, rejections);
}
