namespace VmAddon.Agent.Hosting;

/// <summary>How the agent decides between KVM and software emulation (TCG) for the guests of its node.</summary>
internal enum EmulationMode
{
    /// <summary>Ask the launcher's probe-kvm once at startup.</summary>
    Auto,
    Kvm,
    Tcg,
}
