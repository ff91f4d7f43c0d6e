using System.Globalization;
using k8s.Models;
using VmAddon.Api;

namespace VmAddon.Core.Launcher.Security;

/// <summary>
/// The launcher runs as an unprivileged user with no capabilities: libvirt in session mode and QEMU under TCG or
/// with /dev/kvm need none (DESIGN §8), and a guest escaping QEMU then lands in a powerless process.
/// </summary>
internal static class LauncherSecurityRenderer
{
    /// <summary>The uid and gid 107, the "qemu" user of KubeVirt's non-root launcher.</summary>
    public const long QemuUser = 107;

    /// <summary>The namespaced sysctl that lets a non-root process bind ports below it (default 1024).</summary>
    public const string UnprivilegedPortStartSysctl = "net.ipv4.ip_unprivileged_port_start";

    private const int PrivilegedPortLimit = 1024;

    public static V1PodSecurityContext Pod(VirtualMachineInstance vmi) => new()
    {
        RunAsUser = QemuUser,
        RunAsGroup = QemuUser,
        // fsGroup makes the emptyDirs and projected files group-owned by 107, so the launcher can write and read them.
        FsGroup = QemuUser,
        RunAsNonRoot = true,
        Sysctls = LowestForwardedPort(vmi) is { } port
            ? [new V1Sysctl { Name = UnprivilegedPortStartSysctl, Value = port.ToString(CultureInfo.InvariantCulture) }]
            : null,
    };

    public static V1SecurityContext Container() => new()
    {
        RunAsUser = QemuUser,
        RunAsGroup = QemuUser,
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };

    /// <summary>
    /// The lowest privileged port a masquerade interface forwards, or null when there is none. Masquerade is QEMU's
    /// user-mode networking, so QEMU itself, running as uid 107, listens on the forwarded ports in the Pod's network
    /// namespace; below 1024 that needs the namespace's unprivileged port range lowered to start there (DESIGN §8).
    /// </summary>
    internal static int? LowestForwardedPort(VirtualMachineInstance vmi)
    {
        var ports = (vmi.Spec.Domain.Devices.Interfaces ?? [])
            .Where(nic => nic.Masquerade is not null)
            .SelectMany(nic => nic.Ports ?? [])
            .Select(p => p.Number)
            .Where(n => n is > 0 and < PrivilegedPortLimit)
            .ToList();
        return ports.Count == 0 ? null : ports.Min();
    }
}
