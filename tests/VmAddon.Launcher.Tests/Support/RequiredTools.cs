namespace VmAddon.Launcher.Tests.Support;

/// <summary>Fails a test loudly, naming the Debian package, when a program it needs is missing; these tests never skip.</summary>
internal static class RequiredTools
{
    public static void Require(params (string Program, string DebianPackage)[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin";
        foreach (var (program, package) in tools)
        {
            var found = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
            found.Should().BeTrue($"{program} is needed: install the Debian package {package} (make deps)");
        }
    }

    public static void RequireHypervisor() => Require(
        ("libvirtd", "libvirt-daemon"),
        ("virsh", "libvirt-clients"),
        ("qemu-img", "qemu-utils"),
        ("qemu-system-x86_64", "qemu-system-x86"),
        ("genisoimage", "genisoimage"),
        ("isoinfo", "genisoimage"),
        ("setpriv", "util-linux"));
}
