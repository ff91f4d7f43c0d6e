using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>
/// KubeVirt's run strategies as a pure decision: from the VM's strategy, its state change requests, its instance and
/// its crash-loop state, what to do with the instance and what the VM's printableStatus is.
/// </summary>
/// <remarks>
/// Crash-loop backoff: an instance that fails without ever running counts as a start failure. After the n-th in a
/// row, the next start waits min(10 s × 2^(n−1), 5 min); the count resets as soon as an instance reaches Running.
/// </remarks>
public static class RunStrategyPolicy
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>The strategy a spec asks for: runStrategy, else running true (Always) or false/absent (Halted).</summary>
    public static string Effective(VirtualMachineSpec spec) =>
        spec.RunStrategy ?? (spec.Running == true ? RunStrategy.Always : RunStrategy.Halted);

    public static MachineDecision Decide(
        string strategy, bool vmDeleting, InstanceObservation? instance, IReadOnlyList<VirtualMachineStateChangeRequest> requests,
        VirtualMachineStartFailure? startFailure, DateTimeOffset now)
    {
        startFailure = TrackFailures(startFailure, instance, now);
        if (vmDeleting)
        {
            return Decision(instance is { Deleting: false } ? MachineAction.DeleteInstance : MachineAction.None, PrintableStatus.Terminating, startFailure, requests);
        }

        if (instance is { Deleting: true })
        {
            return Decision(MachineAction.None, PrintableStatus.Stopping, startFailure, requests);
        }

        return strategy switch
        {
            RunStrategy.Always => KeepRunning(instance, restartAfterSuccess: true, startFailure, requests, now),
            RunStrategy.RerunOnFailure => KeepRunning(instance, restartAfterSuccess: false, startFailure, requests, now),
            RunStrategy.Once => instance switch
            {
                null => Start(startFailure, requests, now),
                { Finished: true } => Decision(MachineAction.HaltOnce, PrintableStatus.Stopped, startFailure, requests),
                _ => Decision(MachineAction.None, StatusOf(instance, startFailure, now), startFailure, requests),
            },
            RunStrategy.Manual => Manual(instance, requests, startFailure, now),
            _ => instance is null
                ? Decision(MachineAction.None, PrintableStatus.Stopped, startFailure, requests)
                : Decision(MachineAction.DeleteInstance, PrintableStatus.Stopping, startFailure, requests),
        };
    }

    /// <summary>The wait before the next start after <paramref name="failures"/> start failures in a row.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Min(failures - 1, 20))));

    private static MachineDecision KeepRunning(
        InstanceObservation? instance, bool restartAfterSuccess, VirtualMachineStartFailure? startFailure, IReadOnlyList<VirtualMachineStateChangeRequest> requests, DateTimeOffset now) =>
        instance switch
        {
            null => Start(startFailure, requests, now),
            { Phase: VirtualMachineInstancePhase.Failed } => Decision(MachineAction.DeleteInstance, StatusOf(instance, startFailure, now), startFailure, requests),
            { Phase: VirtualMachineInstancePhase.Succeeded } when restartAfterSuccess =>
                Decision(MachineAction.DeleteInstance, PrintableStatus.Stopped, startFailure, requests),
            _ => Decision(MachineAction.None, StatusOf(instance, startFailure, now), startFailure, requests),
        };

    // Manual: only requests act. Start creates an instance when there is none; Stop deletes it; each request is consumed in order.
    private static MachineDecision Manual(
        InstanceObservation? instance, IReadOnlyList<VirtualMachineStateChangeRequest> requests, VirtualMachineStartFailure? startFailure, DateTimeOffset now)
    {
        if (requests.Count == 0)
        {
            return Decision(MachineAction.None, instance is null ? PrintableStatus.Stopped : StatusOf(instance, startFailure, now), startFailure, requests);
        }

        var request = requests[0];
        var rest = requests.Skip(1).ToList();
        return request.Action switch
        {
            StateChangeAction.Start when instance is null => Start(startFailure, rest, now),
            StateChangeAction.Start when instance.Finished => Decision(MachineAction.DeleteInstance, PrintableStatus.Stopped, startFailure, requests), // make room, then start
            StateChangeAction.Stop when instance is not null && (request.Uid is null || request.Uid == instance.Uid) =>
                Decision(MachineAction.DeleteInstance, PrintableStatus.Stopping, startFailure, rest),
            _ => Decision(MachineAction.None, instance is null ? PrintableStatus.Stopped : StatusOf(instance, startFailure, now), startFailure, rest),
        };
    }

    private static MachineDecision Start(VirtualMachineStartFailure? startFailure, IReadOnlyList<VirtualMachineStateChangeRequest> requests, DateTimeOffset now)
    {
        if (startFailure?.RetryAfterTimestamp is { } retryAfter && retryAfter > now.UtcDateTime)
        {
            return Decision(MachineAction.None, PrintableStatus.CrashLoopBackOff, startFailure, requests, retryAfter - now.UtcDateTime);
        }

        return Decision(MachineAction.CreateInstance, PrintableStatus.Starting, startFailure, requests);
    }

    // A failed instance that never ran is one more start failure (counted once per instance); a running one clears them.
    private static VirtualMachineStartFailure? TrackFailures(VirtualMachineStartFailure? startFailure, InstanceObservation? instance, DateTimeOffset now)
    {
        if (instance is null)
        {
            return startFailure;
        }

        if (instance.EverRan)
        {
            return instance.Phase == VirtualMachineInstancePhase.Running ? null : startFailure;
        }

        if (instance.Phase != VirtualMachineInstancePhase.Failed || startFailure?.LastFailedVmiUid == instance.Uid)
        {
            return startFailure;
        }

        var failures = (startFailure?.ConsecutiveFailCount ?? 0) + 1;
        return new VirtualMachineStartFailure
        {
            LastFailedVmiUid = instance.Uid,
            ConsecutiveFailCount = failures,
            RetryAfterTimestamp = (now + Backoff(failures)).UtcDateTime,
        };
    }

    private static string StatusOf(InstanceObservation instance, VirtualMachineStartFailure? startFailure, DateTimeOffset now) => instance.Phase switch
    {
        VirtualMachineInstancePhase.Running => instance.Paused ? PrintableStatus.Paused : PrintableStatus.Running,
        VirtualMachineInstancePhase.Pending or VirtualMachineInstancePhase.Scheduling or VirtualMachineInstancePhase.Scheduled =>
            instance.Unschedulable ? PrintableStatus.ErrorUnschedulable : PrintableStatus.Starting,
        VirtualMachineInstancePhase.Failed when startFailure?.RetryAfterTimestamp > now.UtcDateTime => PrintableStatus.CrashLoopBackOff,
        VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed => PrintableStatus.Stopped,
        _ => PrintableStatus.Unknown,
    };

    private static MachineDecision Decision(
        MachineAction action, string status, VirtualMachineStartFailure? startFailure, IReadOnlyList<VirtualMachineStateChangeRequest> requests, TimeSpan? requeue = null) =>
        new(action, status, startFailure, requests, requeue);
}
