using VmAddon.Core.Launcher;
using VmAddon.Core.Launcher.Plan;

namespace VmAddon.Launcher.Hosting;

/// <summary>What the pod entrypoint works with: the plan from its arguments and the directories from its environment.</summary>
internal sealed class LauncherOptions
{
    /// <summary>The disks to prepare and the VMI's identity; from the arguments. Required.</summary>
    public LauncherPlan? Plan { get; set; }

    /// <summary>The libvirt daemon's XDG_RUNTIME_DIR, where its socket appears: --runtime-dir, default $XDG_RUNTIME_DIR. Required.</summary>
    public string RuntimeDir { get; set; } = "";

    /// <summary>The daemon's XDG_CONFIG_HOME (domain definitions); from the environment. Required.</summary>
    public string ConfigHome { get; set; } = "";

    /// <summary>The daemon's XDG_CACHE_HOME; from the environment. Required.</summary>
    public string CacheHome { get; set; } = "";

    /// <summary>The guest's serial log to stream to stdout: --serial-log, default <see cref="LauncherLayout.SerialLogPath"/>.</summary>
    public string SerialLogPath { get; set; } = LauncherLayout.SerialLogPath;

    /// <summary>How long libvirtd may take to answer on its socket. Default 30 s: it usually takes well under one.</summary>
    public TimeSpan DaemonStartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long libvirtd may take to exit after SIGTERM before it is killed. Default 10 s.</summary>
    public TimeSpan DaemonStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the serial log and the socket are looked at while nothing happens. Default 100 ms: console output
    /// still feels live, and an idle launcher stays idle.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public string SocketPath => Path.Combine(RuntimeDir, LauncherLayout.LibvirtSocketRelativePath);

    public string ReadyMarkerPath => Path.Combine(RuntimeDir, LauncherLayout.LauncherReadyMarkerRelativePath);

    /// <summary>How long the guest gets to shut down on SIGTERM: the VMI's terminationGracePeriodSeconds.</summary>
    public TimeSpan GracePeriod => TimeSpan.FromSeconds(Plan?.GracePeriodSeconds ?? 0);
}
