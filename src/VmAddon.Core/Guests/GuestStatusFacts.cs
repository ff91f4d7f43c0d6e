namespace VmAddon.Core.Guests;

/// <summary>What the agent knows when it writes a VMI's status: the decided phase and reason, its node, the launcher pod's IPs, and the domain.</summary>
public sealed record GuestStatusFacts(
    string Phase,
    string? Reason,
    string NodeName,
    IReadOnlyList<string> PodIps,
    GuestDomainState Domain,
    bool PauseRequested,
    bool SoftwareEmulation);
