using k8s.Models;

namespace VmAddon.Core.Machines;

/// <summary>What the VMI controller sees of a VMI's launcher pod.</summary>
/// <param name="Phase">The pod's phase.</param>
/// <param name="NodeName">The node it is bound to, or null.</param>
/// <param name="Deleting">Whether it has a deletionTimestamp.</param>
/// <param name="UnschedulableMessage">The PodScheduled=False/Unschedulable message, when the scheduler gave up on it.</param>
/// <param name="Ready">Whether its containers are ready (the launcher's readiness means libvirtd is up).</param>
public sealed record PodObservation(string Phase, string? NodeName, bool Deleting, string? UnschedulableMessage = null, bool Ready = false)
{
    /// <summary>The facts of a pod as the API shows them; an unbound pod the scheduler rejected carries its message.</summary>
    public static PodObservation Of(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var conditions = pod.Status?.Conditions ?? [];
        var scheduled = conditions.FirstOrDefault(c => c.Type == "PodScheduled");
        var nodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName;
        var unschedulable = nodeName is null && scheduled is { Status: "False", Reason: "Unschedulable" }
            ? scheduled.Message ?? "the launcher pod cannot be scheduled"
            : null;
        return new PodObservation(
            pod.Status?.Phase ?? "Pending",
            nodeName,
            pod.Metadata?.DeletionTimestamp is not null,
            unschedulable,
            conditions.Any(c => c.Type == "Ready" && c.Status == "True"));
    }
}
