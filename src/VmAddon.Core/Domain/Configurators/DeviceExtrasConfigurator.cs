using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Domain;

/// <summary>The devices a VMI switches on or off with a flag: serial console, memory balloon, random number generator.</summary>
internal static class DeviceExtrasConfigurator
{
    /// <summary>Never blocks the guest, unlike /dev/random on old kernels; KubeVirt uses it too.</summary>
    public const string RngBackend = "/dev/urandom";

    public static SerialDevice? SerialConsole(Devices? devices) =>
        devices?.AutoattachSerialConsole == false ? null : new SerialDevice(LauncherLayout.SerialSocketPath, LauncherLayout.SerialLogPath);

    public static bool MemBalloon(Devices? devices) => devices?.AutoattachMemBalloon != false;

    public static RngDevice? Rng(Devices? devices) => devices?.Rng is null ? null : new RngDevice(RngBackend);
}
