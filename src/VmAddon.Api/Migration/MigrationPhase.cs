namespace VmAddon.Api;

/// <summary>The values of <see cref="VirtualMachineInstanceMigrationStatus.Phase"/>.</summary>
public static class MigrationPhase
{
    public const string Pending = "Pending";
    public const string Scheduling = "Scheduling";
    public const string Scheduled = "Scheduled";
    public const string PreparingTarget = "PreparingTarget";
    public const string TargetReady = "TargetReady";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
}
