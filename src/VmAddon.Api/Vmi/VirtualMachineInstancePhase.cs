namespace VmAddon.Api;

/// <summary>The values of <see cref="VirtualMachineInstanceStatus.Phase"/>.</summary>
public static class VirtualMachineInstancePhase
{
    public const string Pending = "Pending";
    public const string Scheduling = "Scheduling";
    public const string Scheduled = "Scheduled";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Unknown = "Unknown";

    public static readonly IReadOnlyList<string> All = [Pending, Scheduling, Scheduled, Running, Succeeded, Failed, Unknown];
}
