namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// Why a node cannot take a pod: kube-scheduler's reasons for one node, and whether preemption could never help there
/// (<see cref="Unresolvable"/>, kube's UnschedulableAndUnresolvable: a selector, taint or cordon) or might (Unschedulable: resources, ports).
/// </summary>
internal sealed record NodeRejection(bool Unresolvable, IReadOnlyList<string> Reasons)
{
    /// <summary>A rejection that freeing room on the node would not fix.</summary>
    public static NodeRejection Hard(string reason) => new(true, [reason]);

    /// <summary>A rejection that evicting pods from the node might fix.</summary>
    public static NodeRejection Soft(IReadOnlyList<string> reasons) => new(false, reasons);
}
