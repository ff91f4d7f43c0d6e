using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>
/// When the VMI controller deletes a VMI's launcher pod and releases the VMI's finalizer. A VMI that never reached
/// the agent (Pending, Scheduling) loses its pod at once. One the agent owns (Scheduled, Running) waits for the agent
/// to report a final phase, but no longer than its grace period plus <see cref="AgentSilencePadding"/> after the
/// deletion began (the agent may be dead); the launcher then shuts the guest down on SIGTERM. A final VMI's pod goes
/// too, so no QEMU lingers. The finalizer goes only once the pod is confirmed gone.
/// </summary>
public static class InstanceTeardownPolicy
{
    /// <summary>How long past the guest's grace period to wait for a silent agent: 15 s, the launcher pod's padding.</summary>
    public static readonly TimeSpan AgentSilencePadding = TimeSpan.FromSeconds(15);

    /// <param name="phase">The VMI's phase (null reads as Pending).</param>
    /// <param name="deletionTimestamp">The VMI's deletionTimestamp, or null when it is not being deleted.</param>
    /// <param name="gracePeriodSeconds">The VMI's terminationGracePeriodSeconds.</param>
    /// <param name="podExists">Whether a launcher pod of the VMI still exists (Terminating or not).</param>
    /// <param name="podDeleting">Whether that pod already has a deletionTimestamp.</param>
    /// <param name="now">The clock.</param>
    public static TeardownDecision Decide(string? phase, DateTimeOffset? deletionTimestamp, long gracePeriodSeconds, bool podExists, bool podDeleting, DateTimeOffset now)
    {
        phase ??= VirtualMachineInstancePhase.Pending;
        var final = phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed;
        if (deletionTimestamp is not { } deleting && !final)
        {
            return TeardownDecision.Keep;
        }

        if (!podExists)
        {
            return new TeardownDecision(Applies: true, DeletePod: false, ReleaseFinalizer: true, RecheckAfter: null);
        }

        if (podDeleting)
        {
            // Its kubelet (or a force delete) finishes the job; the pod's disappearance is an event.
            return new TeardownDecision(Applies: true, DeletePod: false, ReleaseFinalizer: false, RecheckAfter: null);
        }

        var agentOwned = phase is VirtualMachineInstancePhase.Scheduled or VirtualMachineInstancePhase.Running or VirtualMachineInstancePhase.Unknown;
        if (!final && agentOwned)
        {
            var deadline = deletionTimestamp!.Value + TimeSpan.FromSeconds(Math.Max(0, gracePeriodSeconds)) + AgentSilencePadding;
            if (now < deadline)
            {
                return new TeardownDecision(Applies: true, DeletePod: false, ReleaseFinalizer: false, RecheckAfter: deadline - now);
            }
        }

        return new TeardownDecision(Applies: true, DeletePod: true, ReleaseFinalizer: false, RecheckAfter: null);
    }
}
