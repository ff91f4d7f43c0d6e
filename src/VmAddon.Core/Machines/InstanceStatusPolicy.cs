using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>
/// The VMI status the VMI controller writes, as a function of the current status, so that a write retried on a
/// conflict never overwrites what the agent wrote meanwhile. The controller owns the phase only while it is Pending
/// or Scheduling; after that it may only fail the instance (its pod failed or vanished), and never touches a final one.
/// </summary>
public static class InstanceStatusPolicy
{
    /// <summary>status.reason (and the Failure condition's reason) when the launcher pod could not be rendered or created.</summary>
    public const string FailedCreateReason = "FailedCreate";

    /// <summary>The status of an instance failed for <paramref name="reason"/> (its node was lost, say); a final one stays as it is.</summary>
    public static VirtualMachineInstanceStatus? Fail(VirtualMachineInstanceStatus? current, string reason, DateTimeOffset now) =>
        Next(current, new InstancePodDecision(VirtualMachineInstancePhase.Failed, reason, CreatePod: false, NodeName: null, Unschedulable: null), null, now);

    /// <param name="current">The status as the API shows it now.</param>
    /// <param name="decision">The pod policy's decision, taken from the cache.</param>
    /// <param name="failure">Why the launcher pod cannot be made, when the controller rejects the instance; it fails the instance.</param>
    /// <param name="now">The clock, for phase transition and condition timestamps.</param>
    public static VirtualMachineInstanceStatus? Next(VirtualMachineInstanceStatus? current, InstancePodDecision decision, string? failure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var phase = current?.Phase ?? VirtualMachineInstancePhase.Pending;
        if (phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
        {
            return current;
        }

        var status = current ?? new VirtualMachineInstanceStatus();
        var controllerOwned = phase is VirtualMachineInstancePhase.Pending or VirtualMachineInstancePhase.Scheduling;
        var (next, reason) = failure is not null ? (VirtualMachineInstancePhase.Failed, FailedCreateReason)
            : decision.Phase == VirtualMachineInstancePhase.Failed ? (VirtualMachineInstancePhase.Failed, decision.Reason)
            : controllerOwned ? (decision.Phase, status.Reason)
            : (phase, status.Reason);

        var conditions = decision.Unschedulable is { } message
            ? ConditionList.Set(status.Conditions, new Condition
            {
                Type = VirtualMachineInstanceConditionType.PodScheduled,
                Status = ConditionStatus.False,
                Reason = "Unschedulable",
                Message = message,
            }, now)
            : ConditionList.Remove(status.Conditions, VirtualMachineInstanceConditionType.PodScheduled);
        if (failure is not null)
        {
            conditions = ConditionList.Set(conditions, new Condition
            {
                Type = VirtualMachineInstanceConditionType.Failure,
                Status = ConditionStatus.True,
                Reason = FailedCreateReason,
                Message = failure,
            }, now);
        }

        if (current is null && next == VirtualMachineInstancePhase.Pending && conditions is null)
        {
            return null; // nothing to say yet: no write
        }

        // status.nodeName comes with Scheduled, in the same write, rather than with a write of its own at binding.
        var nodeName = status.NodeName ?? (next is VirtualMachineInstancePhase.Scheduled && decision.NodeName is { } node ? node : null);
        var transitions = next == phase && current?.Phase is not null
            ? status.PhaseTransitionTimestamps
            : [.. status.PhaseTransitionTimestamps ?? [], new PhaseTransitionTimestamp { Phase = next, Timestamp = now.UtcDateTime }];
        return status with
        {
            Phase = next,
            Reason = reason,
            NodeName = nodeName,
            Conditions = conditions,
            PhaseTransitionTimestamps = transitions,
        };
    }
}
