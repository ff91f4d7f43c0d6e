using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>
/// KubeVirt's run strategies as a pure decision: from the VM's strategy, its state change requests, its instance and
/// its crash-loop state, what to do with the instance and what the VM's printableStatus is.
/// </summary>
/// <remarks>
/// State change requests (kubectl vm start|stop|restart write them) act for every strategy but Once, which consumes them
/// unused: see <c>FollowRequests</c>. A Start whose data says paused=true creates the instance paused.
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

        if (strategy != RunStrategy.Once && FollowRequests(strategy, instance, requests, startFailure, now) is { } followed)
        {
            return followed;
        }

        requests = []; // every request is satisfied; a Once VM runs once, and consumes them without acting on them

        if (instance is { Deleting: true })
        {
            return Decision(MachineAction.None, PrintableStatus.Stopping, startFailure, requests);
        }

        return strategy switch
        {
            RunStrategy.Always => KeepRunning(instance, restartAfterSuccess: true, startFailure, now),
            RunStrategy.RerunOnFailure => KeepRunning(instance, restartAfterSuccess: false, startFailure, now),
            RunStrategy.Once => instance switch
            {
                null => Start(startFailure, requests, now),
                { Finished: true } => Decision(MachineAction.HaltOnce, PrintableStatus.Stopped, startFailure, requests),
                _ => Decision(MachineAction.None, StatusOf(instance, startFailure, now), startFailure, requests),
            },
            // Manual: only requests act.
            RunStrategy.Manual => Decision(MachineAction.None, instance is null ? PrintableStatus.Stopped : StatusOf(instance, startFailure, now), startFailure, requests),
            _ => instance is null
                ? Decision(MachineAction.None, PrintableStatus.Stopped, startFailure, requests)
                : Decision(MachineAction.DeleteInstance, PrintableStatus.Stopping, startFailure, requests),
        };
    }

    /// <summary>Whether a Start request asks for a paused start (its data says paused=true, as KubeVirt's virt-api writes it).</summary>
    public static bool StartsPaused(VirtualMachineStateChangeRequest request) =>
        request.Data?.TryGetValue(StartRequestData.PausedKey, out var paused) == true && paused == StartRequestData.PausedTrue;

    /// <summary>The wait before the next start after <paramref name="failures"/> start failures in a row.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Min(failures - 1, 20))));

    private static MachineDecision KeepRunning(
        InstanceObservation? instance, bool restartAfterSuccess, VirtualMachineStartFailure? startFailure, DateTimeOffset now) =>
        instance switch
        {
            null => Start(startFailure, [], now),
            { Phase: VirtualMachineInstancePhase.Failed } => Decision(MachineAction.DeleteInstance, StatusOf(instance, startFailure, now), startFailure, []),
            { Phase: VirtualMachineInstancePhase.Succeeded } when restartAfterSuccess =>
                Decision(MachineAction.DeleteInstance, PrintableStatus.Stopped, startFailure, []),
            _ => Decision(MachineAction.None, StatusOf(instance, startFailure, now), startFailure, []),
        };

    // KubeVirt's state change requests, for every strategy but Once, in order: each is removed once satisfied. A Stop is
    // satisfied once no instance with its uid (any instance, without one) is left, so [Stop uid, Start] restarts even an
    // Always VM; a Start once an instance exists. Null when all are satisfied: the strategy's own logic then decides.
    private static MachineDecision? FollowRequests(
        string strategy, InstanceObservation? instance, IReadOnlyList<VirtualMachineStateChangeRequest> requests, VirtualMachineStartFailure? startFailure, DateTimeOffset now)
    {
        for (var head = 0; head < requests.Count; head++)
        {
            var pending = requests.Skip(head).ToList();
            var request = pending[0];
            switch (request.Action)
            {
                case StateChangeAction.Stop when instance is not null && (request.Uid is null || request.Uid == instance.Uid):
                    return Decision(instance.Deleting ? MachineAction.None : MachineAction.DeleteInstance, PrintableStatus.Stopping, startFailure, pending);
                case StateChangeAction.Start when instance is null && strategy == RunStrategy.Halted:
                    // KubeVirt starts a Halted VM (a paused start) by switching it to Always; the Start stays for that pass.
                    return Decision(MachineAction.SetRunStrategyAlways, PrintableStatus.Stopped, startFailure, pending);
                case StateChangeAction.Start when instance is null:
                    return Start(startFailure, pending, now, consumeStart: true);
                case StateChangeAction.Start when instance.Deleting:
                    return Decision(MachineAction.None, PrintableStatus.Stopping, startFailure, pending); // start once it is gone
                case StateChangeAction.Start when instance.Finished:
                    return Decision(MachineAction.DeleteInstance, PrintableStatus.Stopped, startFailure, pending); // make room, then start
                default:
                    continue; // a Start with a live instance, or a Stop for one that is gone: nothing left to do
            }
        }

        return null;
    }

    // consumeStart: requests[0] is the Start request this carries out; it is consumed once the instance is created.
    private static MachineDecision Start(
        VirtualMachineStartFailure? startFailure, IReadOnlyList<VirtualMachineStateChangeRequest> requests, DateTimeOffset now, bool consumeStart = false)
    {
        if (startFailure?.RetryAfterTimestamp is { } retryAfter && retryAfter > now.UtcDateTime)
        {
            return Decision(MachineAction.None, PrintableStatus.CrashLoopBackOff, startFailure, requests, retryAfter - now.UtcDateTime);
        }

        return consumeStart
            ? Decision(MachineAction.CreateInstance, PrintableStatus.Starting, startFailure, [.. requests.Skip(1)], startPaused: StartsPaused(requests[0]))
            : Decision(MachineAction.CreateInstance, PrintableStatus.Starting, startFailure, requests);
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
        MachineAction action, string status, VirtualMachineStartFailure? startFailure, IReadOnlyList<VirtualMachineStateChangeRequest> requests, TimeSpan? requeue = null,
        bool startPaused = false) =>
        new(action, status, startFailure, requests, requeue, startPaused);
}
