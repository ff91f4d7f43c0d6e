namespace VmAddon.Core.Guests;

/// <summary>The CamelCase reasons the agent writes to VMI status and conditions.</summary>
public static class GuestReasons
{
    public const string GuestShutdown = "GuestShutdown";
    public const string Deleted = "Deleted";
    public const string DomainLost = "DomainLost";
    public const string DomainStopped = "DomainStopped";
    public const string Destroyed = "Destroyed";
    public const string GuestCrashed = "GuestCrashed";
    public const string HypervisorFailed = "HypervisorFailed";
    public const string LauncherExited = "LauncherExited";
    public const string PausedByUser = "PausedByUser";
    public const string PausedByHypervisor = "PausedByHypervisor";
    public const string GuestNotRunning = "GuestNotRunning";
    public const string SoftwareEmulation = "SoftwareEmulation";
}
