using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>
/// The VMI controller's half of the VMI lifecycle as a pure decision: Pending → Scheduling (launcher pod created) →
/// Scheduled (pod running on a node, handed to the agent); a pod that fails or vanishes fails the VMI with a reason.
/// From Scheduled on, the node's agent owns the phase.
/// </summary>
public static class InstancePodPolicy
{
    public const string PodFailedReason = "PodFailed";
    public const string PodDeletedReason = "PodDeleted";

    public static InstancePodDecision Decide(string? phase, PodObservation? pod, bool podExpected)
    {
        phase ??= VirtualMachineInstancePhase.Pending;
        if (phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
        {
            return new InstancePodDecision(phase, null, CreatePod: false, null, null);
        }

        if (pod is null)
        {
            // Before any pod: create one (unless one is already on its way, as expectations say). After: it vanished.
            return phase == VirtualMachineInstancePhase.Pending
                ? new InstancePodDecision(phase, null, CreatePod: !podExpected, null, null)
                : new InstancePodDecision(VirtualMachineInstancePhase.Failed, PodDeletedReason, false, null, null);
        }

        if (pod.Phase is "Failed" or "Succeeded")
        {
            // A launcher that exited before the agent saw the guest: the instance failed with it.
            return new InstancePodDecision(phase is VirtualMachineInstancePhase.Running ? phase : VirtualMachineInstancePhase.Failed,
                phase is VirtualMachineInstancePhase.Running ? null : PodFailedReason, false, pod.NodeName, null);
        }

        if (pod.UnschedulableMessage is { } unschedulable)
        {
            return new InstancePodDecision(VirtualMachineInstancePhase.Scheduling, null, false, null, unschedulable);
        }

        var next = phase switch
        {
            VirtualMachineInstancePhase.Pending => VirtualMachineInstancePhase.Scheduling,
            VirtualMachineInstancePhase.Scheduling when pod.NodeName is not null && pod.Phase == "Running" && pod.Ready => VirtualMachineInstancePhase.Scheduled,
            _ => phase,
        };
        return new InstancePodDecision(next, null, false, pod.NodeName, null);
    }
}

/// <summary>The VMI controller's decision for one VMI and its pod.</summary>
/// <param name="Phase">The VMI's phase to write.</param>
/// <param name="Reason">status.reason when the VMI failed because of its pod.</param>
/// <param name="CreatePod">Whether to create the launcher pod now.</param>
/// <param name="NodeName">The node to record in the vmaddon.io/nodeName label and status.nodeName, once bound.</param>
/// <param name="Unschedulable">The scheduler's message, for a PodScheduled=False condition on the VMI.</param>
public sealed record InstancePodDecision(string Phase, string? Reason, bool CreatePod, string? NodeName, string? Unschedulable);
