namespace VmAddon.Core.Guests;

/// <summary>
/// The facts one agent reconcile decides on: the VMI's phase and wishes, the domain libvirt reports, and, during
/// deletion, how long ago the agent pressed the power button (null when it has not).
/// </summary>
public sealed record GuestFacts(
    string Phase,
    bool Deleting,
    bool PauseRequested,
    GuestDomainState Domain,
    TimeSpan? SinceShutdownRequested,
    TimeSpan GracePeriod);
