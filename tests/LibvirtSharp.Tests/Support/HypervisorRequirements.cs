namespace LibvirtSharp.Tests.Support;

/// <summary>
/// Fails (never skips) a hypervisor test on a machine without libvirtd or QEMU, naming the Debian package that
/// `make deps` installs, so a missing dependency can never pass silently.
/// </summary>
public static class HypervisorRequirements
{
    public const string Libvirtd = "/usr/sbin/libvirtd";
    public const string Qemu = "/usr/bin/qemu-system-x86_64";

    private static readonly (string Path, string Package, string What)[] s_requirements =
    [
        (Libvirtd, "libvirt-daemon", "the libvirt daemon"),
        ("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so", "libvirt-daemon-driver-qemu", "libvirt's QEMU driver"),
        (Qemu, "qemu-system-x86", "QEMU for x86_64 guests"),
        ("/usr/bin/setpriv", "util-linux", "setpriv, which runs the daemon as a non-root user"),
    ];

    public static void EnsureInstalled()
    {
        var missing = s_requirements.Where(r => !File.Exists(r.Path)).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join("; ", missing.Select(m => $"{m.What} ({m.Path}) is missing: install the Debian package {m.Package}"));
            throw new InvalidOperationException($"Hypervisor tests need a real libvirtd and QEMU. {list}. `make deps` installs them.");
        }
    }
}
