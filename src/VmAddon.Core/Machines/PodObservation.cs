namespace VmAddon.Core.Machines;

/// <summary>What the VMI controller sees of a VMI's launcher pod.</summary>
/// <param name="Phase">The pod's phase.</param>
/// <param name="NodeName">The node it is bound to, or null.</param>
/// <param name="Deleting">Whether it has a deletionTimestamp.</param>
/// <param name="UnschedulableMessage">The PodScheduled=False/Unschedulable message, when the scheduler gave up on it.</param>
/// <param name="Ready">Whether its containers are ready (the launcher's readiness means libvirtd is up).</param>
public sealed record PodObservation(string Phase, string? NodeName, bool Deleting, string? UnschedulableMessage = null, bool Ready = false);
