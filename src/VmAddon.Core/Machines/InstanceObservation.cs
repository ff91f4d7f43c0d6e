namespace VmAddon.Core.Machines;

/// <summary>What the VM controller sees of a VM's instance (VMI) in its cache.</summary>
/// <param name="Uid">The VMI's uid.</param>
/// <param name="Phase">Its phase (Pending ... Succeeded, Failed, Unknown).</param>
/// <param name="Deleting">Whether it has a deletionTimestamp.</param>
/// <param name="EverRan">Whether it ever reached Running (its phase transitions say so).</param>
/// <param name="Ready">Its Ready condition.</param>
/// <param name="Paused">Its Paused condition.</param>
/// <param name="Unschedulable">Whether its launcher pod cannot be scheduled.</param>
public sealed record InstanceObservation(string Uid, string Phase, bool Deleting, bool EverRan, bool Ready = false, bool Paused = false, bool Unschedulable = false)
{
    public bool Finished => Phase is Api.VirtualMachineInstancePhase.Succeeded or Api.VirtualMachineInstancePhase.Failed;
}
