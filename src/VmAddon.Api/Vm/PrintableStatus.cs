namespace VmAddon.Api;

/// <summary>The values of <see cref="VirtualMachineStatus.PrintableStatus"/>, as KubeVirt shows them.</summary>
public static class PrintableStatus
{
    public const string Stopped = "Stopped";
    public const string Provisioning = "Provisioning";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Paused = "Paused";
    public const string Stopping = "Stopping";
    public const string Terminating = "Terminating";
    public const string CrashLoopBackOff = "CrashLoopBackOff";
    public const string Migrating = "Migrating";
    public const string ErrorUnschedulable = "ErrorUnschedulable";
    public const string Unknown = "Unknown";
}
