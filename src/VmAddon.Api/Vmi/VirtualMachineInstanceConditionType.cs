namespace VmAddon.Api;

/// <summary>The condition types a VirtualMachineInstance reports.</summary>
public static class VirtualMachineInstanceConditionType
{
    public const string Ready = "Ready";
    public const string LiveMigratable = "LiveMigratable";
    public const string Paused = "Paused";
    public const string AgentConnected = "AgentConnected";

    /// <summary>True when the guest runs under software emulation (TCG) because KVM is unusable.</summary>
    public const string SoftwareEmulation = "SoftwareEmulation";

    /// <summary>True when the controller rejected the spec; the message says why.</summary>
    public const string Failure = "Failure";

    /// <summary>Mirrors the launcher pod's PodScheduled condition; False with reason Unschedulable carries the scheduler's message.</summary>
    public const string PodScheduled = "PodScheduled";
}
