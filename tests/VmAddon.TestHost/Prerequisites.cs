namespace VmAddon.TestHost;

/// <summary>The programs hypervisor tests need; a missing one fails the test naming its Debian package, never skips it.</summary>
public static class Prerequisites
{
    private static readonly (string Program, string Package)[] s_programs =
    [
        ("libvirtd", "libvirt-daemon"),
        ("qemu-system-x86_64", "qemu-system-x86"),
        ("qemu-img", "qemu-utils"),
        ("genisoimage", "genisoimage"),
        ("ip", "iproute2"),
        ("unshare", "util-linux"),
        ("setpriv", "util-linux"),
    ];

    public static void Require()
    {
        var missing = s_programs.Where(p => Which(p.Program) is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"hypervisor tests need {string.Join(", ", missing.Select(m => $"{m.Program} (Debian package {m.Package})"))}: run `make deps`");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("hypervisor tests run pods in their own mount and network namespaces, which needs root");
        }
    }

    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
