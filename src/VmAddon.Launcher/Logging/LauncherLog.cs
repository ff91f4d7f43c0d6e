using Microsoft.Extensions.Logging;

namespace VmAddon.Launcher.Logging;

/// <summary>Every message the launcher logs, source-generated with structured fields.</summary>
internal static partial class LauncherLog
{
    private static readonly Func<ILogger, string, string, string, IDisposable?> s_instanceScope =
        LoggerMessage.DefineScope<string, string, string>("vmi={Vmi} namespace={Namespace} uid={Uid}");

    /// <summary>Tags every message of the pod entrypoint with its VMI, so a log line found anywhere names its VM.</summary>
    public static IDisposable? BeginInstanceScope(this ILogger logger, string vmi, string @namespace, string uid) =>
        s_instanceScope(logger, vmi, @namespace, uid);

    [LoggerMessage(Level = LogLevel.Information, Message = "volume {Volume}: {Path} already exists (container restart); kept")]
    public static partial void DiskKept(this ILogger logger, string volume, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "volume {Volume}: created overlay {Overlay} over {Backing} ({BackingFormat})")]
    public static partial void OverlayCreated(this ILogger logger, string volume, string overlay, string backing, string backingFormat);

    [LoggerMessage(Level = LogLevel.Information, Message = "volume {Volume}: created empty disk {Path} of {SizeBytes} bytes")]
    public static partial void EmptyDiskCreated(this ILogger logger, string volume, string path, long sizeBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "volume {Volume}: created cloud-init seed {Iso} (user-data: {HasUserData}, network-config: {HasNetworkConfig})")]
    public static partial void SeedCreated(this ILogger logger, string volume, string iso, bool hasUserData, bool hasNetworkConfig);

    [LoggerMessage(Level = LogLevel.Information, Message = "libvirtd started (pid {Pid}); waiting for {Socket}")]
    public static partial void DaemonStarted(this ILogger logger, int pid, string socket);

    [LoggerMessage(Level = LogLevel.Information, Message = "libvirtd: {Line}")]
    public static partial void DaemonOutput(this ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "ready: libvirtd answers on {Socket}; marker {Marker} written")]
    public static partial void Ready(this ILogger logger, string socket, string marker);

    [LoggerMessage(Level = LogLevel.Information, Message = "ready in density mode (--hypervisor test): no disks, no libvirtd; the agent simulates the domain; marker {Marker} written")]
    public static partial void DensityMode(this ILogger logger, string marker);

    [LoggerMessage(Level = LogLevel.Error, Message = "libvirtd died (exit code {ExitCode}); the pod fails so the VM can be healed. Its last output: {LastOutput}")]
    public static partial void DaemonDied(this ILogger logger, int exitCode, string lastOutput);

    [LoggerMessage(Level = LogLevel.Information, Message = "libvirtd (pid {Pid}) stopped with exit code {ExitCode}")]
    public static partial void DaemonStopped(this ILogger logger, int pid, int exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "libvirtd (pid {Pid}) did not exit within {Timeout} of SIGTERM; killed")]
    public static partial void DaemonKilled(this ILogger logger, int pid, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "following the guest's serial log {Path}")]
    public static partial void SerialLogFollowing(this ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "the guest's serial log {Path} was truncated (guest restarted); following from its start")]
    public static partial void SerialLogTruncated(this ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "domain {Domain}: ACPI shutdown requested, grace period {GracePeriod}: {Result}")]
    public static partial void GuestShutdownRequested(this ILogger logger, string domain, TimeSpan gracePeriod, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "domain {Domain}: shut off")]
    public static partial void GuestShutOff(this ILogger logger, string domain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "domain {Domain}: still running after the grace period {GracePeriod}; destroy: {Result}")]
    public static partial void GuestDestroyed(this ILogger logger, string domain, TimeSpan gracePeriod, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}")]
    public static partial void LauncherFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "KVM probe: reusing the cached answer {Verdict} from {ProbedAt} ({Cache})")]
    public static partial void ProbeCached(this ILogger logger, string verdict, DateTimeOffset probedAt, string cache);

    [LoggerMessage(Level = LogLevel.Information, Message = "KVM probe: booting {Kernel} under KVM with a deadline of {Deadline}")]
    public static partial void ProbeBooting(this ILogger logger, string kernel, TimeSpan deadline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KVM probe: could not write the cache {Cache}: {Reason}")]
    public static partial void ProbeCacheNotWritten(this ILogger logger, string cache, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "cannot become the reaper of orphaned processes (prctl PR_SET_CHILD_SUBREAPER failed); a killed guest may be reported late")]
    public static partial void NotSubreaper(this ILogger logger);
}
