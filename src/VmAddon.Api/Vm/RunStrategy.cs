namespace VmAddon.Api;

/// <summary>The values of <see cref="VirtualMachineSpec.RunStrategy"/>, with KubeVirt's meaning.</summary>
public static class RunStrategy
{
    /// <summary>An instance always runs; it is recreated whenever it stops.</summary>
    public const string Always = "Always";

    /// <summary>No instance runs.</summary>
    public const string Halted = "Halted";

    /// <summary>The user starts and stops the instance; nothing restarts it.</summary>
    public const string Manual = "Manual";

    /// <summary>The instance is restarted only when it fails, not when the guest shuts down.</summary>
    public const string RerunOnFailure = "RerunOnFailure";

    /// <summary>The instance runs once, to completion.</summary>
    public const string Once = "Once";

    public static readonly IReadOnlyList<string> All = [Always, Halted, Manual, RerunOnFailure, Once];
}
