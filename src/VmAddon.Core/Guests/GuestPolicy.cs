using VmAddon.Api;

namespace VmAddon.Core.Guests;

/// <summary>
/// The agent's decision for one VMI, from Scheduled on: start the domain, follow the pause wish, stop it gracefully on
/// deletion, and turn what happened to the domain into the VMI's phase. Level-triggered: the same facts give the same
/// decision, so a restarted agent re-adopts a running domain instead of starting it again.
/// </summary>
public static class GuestPolicy
{
    public static GuestDecision Decide(GuestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Phase is not (VirtualMachineInstancePhase.Scheduled or VirtualMachineInstancePhase.Running))
        {
            // Before Scheduled the controller owns the phase; a final phase never changes.
            return new GuestDecision(GuestAction.None, facts.Phase);
        }

        return facts.Deleting ? DecideDeleting(facts) : DecideLiving(facts);
    }

    private static GuestDecision DecideDeleting(GuestFacts facts)
    {
        switch (facts.Domain)
        {
            case GuestDomainState.Running or GuestDomainState.ShuttingDown:
                if (facts.GracePeriod <= TimeSpan.Zero)
                {
                    return new GuestDecision(GuestAction.Destroy, facts.Phase);
                }

                if (facts.SinceShutdownRequested is not { } since)
                {
                    return new GuestDecision(GuestAction.Shutdown, facts.Phase, RequeueAfter: facts.GracePeriod);
                }

                return since >= facts.GracePeriod
                    ? new GuestDecision(GuestAction.Destroy, facts.Phase)
                    : new GuestDecision(GuestAction.None, facts.Phase, RequeueAfter: facts.GracePeriod - since);
            case GuestDomainState.Paused or GuestDomainState.PausedByHypervisor:
                // A paused guest cannot hear the power button: waiting out its grace period would change nothing.
                return new GuestDecision(GuestAction.Destroy, facts.Phase);
            case GuestDomainState.LauncherExited:
                return new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Succeeded, GuestReasons.Deleted);
            default:
                return Broken(facts.Domain) ?? new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Succeeded, GuestReasons.Deleted);
        }
    }

    private static GuestDecision DecideLiving(GuestFacts facts)
    {
        var running = VirtualMachineInstancePhase.Running;
        switch (facts.Domain)
        {
            case GuestDomainState.Running:
                return new GuestDecision(facts.PauseRequested ? GuestAction.Suspend : GuestAction.None, running);
            case GuestDomainState.Paused:
                return new GuestDecision(facts.PauseRequested ? GuestAction.None : GuestAction.Resume, running);
            case GuestDomainState.ShuttingDown or GuestDomainState.PausedByHypervisor:
                return new GuestDecision(GuestAction.None, running);
            case var _ when facts.Phase == VirtualMachineInstancePhase.Scheduled && facts.Domain != GuestDomainState.LauncherExited:
                // Not started by us yet: whatever a same-named leftover domain shows, this instance starts afresh.
                return new GuestDecision(GuestAction.DefineAndStart, facts.Phase);
            case GuestDomainState.PoweredOff:
                return new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Succeeded, GuestReasons.GuestShutdown);
            case GuestDomainState.Crashed or GuestDomainState.Failed or GuestDomainState.LauncherExited:
                return Broken(facts.Domain)!;
            case GuestDomainState.Destroyed:
                return new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, GuestReasons.Destroyed);
            case GuestDomainState.Defined:
                return new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, GuestReasons.DomainStopped);
            default:
                return new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, GuestReasons.DomainLost);
        }
    }

    /// <summary>
    /// Whether the status write that takes the VMI to Running should wait for the pod cache: the controller handed the
    /// VMI over once it saw the launcher pod Running (with its IP), and this agent's pod cache, a separate watch, may
    /// lag behind. The pod's update requeues the VMI, and one write then carries the IP too. A pod the cache does not
    /// hold at all (the test hypervisor needs none) does not hold the write back.
    /// </summary>
    public static bool AwaitPodCache(string currentPhase, string nextPhase, string? cachedPodPhase) =>
        currentPhase == VirtualMachineInstancePhase.Scheduled && nextPhase == VirtualMachineInstancePhase.Running
        && cachedPodPhase is not null && cachedPodPhase != "Running";

    /// <summary>The Failed decision for a guest that crashed or whose QEMU failed, deleted or not; null for any other state.</summary>
    private static GuestDecision? Broken(GuestDomainState domain) => domain switch
    {
        GuestDomainState.Crashed => new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, GuestReasons.GuestCrashed),
        GuestDomainState.Failed => new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, GuestReasons.HypervisorFailed),
        GuestDomainState.LauncherExited => new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, GuestReasons.LauncherExited),
        _ => null,
    };
}
