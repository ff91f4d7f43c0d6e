namespace VmAddon.Core.Guests;

/// <summary>
/// The outcome of <see cref="GuestPolicy.Decide"/>: the action to take, the phase the VMI is in given the domain
/// as observed (before the action), why (for final phases), and when to look again if no event will tell.
/// </summary>
public sealed record GuestDecision(GuestAction Action, string Phase, string? Reason = null, TimeSpan? RequeueAfter = null);
