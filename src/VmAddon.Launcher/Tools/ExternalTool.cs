namespace VmAddon.Launcher.Tools;

/// <summary>A program the launcher runs, and the Debian package that ships it, so a missing tool is reported by package.</summary>
internal sealed record ExternalTool(string Command, string DebianPackage)
{
    public static readonly ExternalTool QemuImg = new("qemu-img", "qemu-utils");

    public static readonly ExternalTool Genisoimage = new("genisoimage", "genisoimage");

    public static readonly ExternalTool Libvirtd = new("libvirtd", "libvirt-daemon (with libvirt-daemon-driver-qemu)");

    public static readonly ExternalTool QemuSystem = new("qemu-system-x86_64", "qemu-system-x86");
}
