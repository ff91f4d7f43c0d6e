using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>What the VM controller does next, as data: the action, the status fields it sets, and when to look again.</summary>
/// <param name="Action">The one write to the instance this reconcile makes.</param>
/// <param name="PrintableStatus">The VM's status.printableStatus.</param>
/// <param name="StartFailure">The crash-loop state to keep (null clears it).</param>
/// <param name="RemainingRequests">The state change requests left after this one is carried out.</param>
/// <param name="RequeueAfter">When to reconcile again without a change (backoff expiry), or null.</param>
/// <param name="StartPaused">For <see cref="MachineAction.CreateInstance"/>: the instance starts paused (a Start request asked so).</param>
public sealed record MachineDecision(
    MachineAction Action,
    string PrintableStatus,
    VirtualMachineStartFailure? StartFailure,
    IReadOnlyList<VirtualMachineStateChangeRequest> RemainingRequests,
    TimeSpan? RequeueAfter = null,
    bool StartPaused = false);

/// <summary>The VM controller's possible writes to a VM's instance.</summary>
public enum MachineAction
{
    /// <summary>Nothing to change.</summary>
    None,

    /// <summary>Create the VMI from the template.</summary>
    CreateInstance,

    /// <summary>Delete the VMI (a graceful stop).</summary>
    DeleteInstance,

    /// <summary>A Once VM's instance finished: set spec.runStrategy to Halted, as KubeVirt does.</summary>
    HaltOnce,

    /// <summary>A Halted VM got a Start request: set spec.runStrategy to Always, as KubeVirt does; the request stays for the next pass.</summary>
    SetRunStrategyAlways,
}
