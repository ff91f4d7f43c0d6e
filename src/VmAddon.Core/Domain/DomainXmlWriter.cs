using System.Globalization;
using System.Xml.Linq;

namespace VmAddon.Core.Domain;

/// <summary>Serialises a <see cref="DomainDefinition"/> to libvirt domain XML, in the element order libvirt itself writes.</summary>
public static class DomainXmlWriter
{
    /// <summary>The namespace of libvirt's QEMU-specific extensions such as <c>&lt;qemu:commandline&gt;</c>.</summary>
    public static readonly XNamespace QemuNamespace = "http://libvirt.org/schemas/domain/qemu/1.0";

    public static string Write(DomainDefinition domain) => ToElement(domain).ToString();

    public static XElement ToElement(DomainDefinition domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var hasQemuArguments = domain.QemuArguments.Count > 0;
        return new XElement(
            "domain",
            new XAttribute("type", domain.Type),
            hasQemuArguments ? new XAttribute(XNamespace.Xmlns + "qemu", QemuNamespace) : null,
            new XElement("name", domain.Name),
            domain.Uuid is null ? null : new XElement("uuid", domain.Uuid),
            new XElement("memory", new XAttribute("unit", "KiB"), Number(domain.MemoryKiB)),
            new XElement("vcpu", new XAttribute("placement", "static"), Number(domain.Cpu.VcpuCount)),
            Sysinfo(domain.Sysinfo),
            Os(domain.Os),
            Features(domain),
            Cpu(domain.Cpu),
            new XElement("clock", new XAttribute("offset", domain.ClockOffset)),
            new XElement("on_poweroff", domain.OnPoweroff),
            new XElement("on_reboot", domain.OnReboot),
            new XElement("on_crash", domain.OnCrash),
            Devices(domain.Devices),
            hasQemuArguments
                ? new XElement(QemuNamespace + "commandline", domain.QemuArguments.Select(a => new XElement(QemuNamespace + "arg", new XAttribute("value", a))))
                : null);
    }

    private static XElement? Sysinfo(DomainSysinfo? sysinfo) => sysinfo is null
        ? null
        : new XElement(
            "sysinfo",
            new XAttribute("type", "smbios"),
            new XElement(
                "system",
                Entry("uuid", sysinfo.Uuid),
                Entry("serial", sysinfo.Serial)));

    private static XElement? Entry(string name, string? value) =>
        value is null ? null : new XElement("entry", new XAttribute("name", name), value);

    private static XElement Os(DomainOs os) => new(
        "os",
        os.Firmware is null ? null : new XAttribute("firmware", os.Firmware),
        new XElement("type", new XAttribute("arch", os.Arch), new XAttribute("machine", os.Machine), "hvm"),
        os.Firmware == "efi"
            ? new XElement("firmware", new XElement("feature", new XAttribute("enabled", YesNo(os.SecureBoot)), new XAttribute("name", "secure-boot")))
            : null,
        os.Kernel is null ? null : new XElement("kernel", os.Kernel),
        os.Initrd is null ? null : new XElement("initrd", os.Initrd),
        os.KernelCommandLine is null ? null : new XElement("cmdline", os.KernelCommandLine),
        os.SmbiosFromSysinfo ? new XElement("smbios", new XAttribute("mode", "sysinfo")) : null,
        os.BiosUseSerial ? new XElement("bios", new XAttribute("useserial", "yes")) : null);

    private static XElement Cpu(DomainCpu cpu) => new(
        "cpu",
        cpu.Mode is null ? null : new XAttribute("mode", cpu.Mode),
        cpu.Model is null ? null : new XAttribute("match", "exact"),
        // fallback='allow' lets libvirt substitute a close model when QEMU lacks the named one, as KubeVirt does.
        cpu.Model is null ? null : new XElement("model", new XAttribute("fallback", "allow"), cpu.Model),
        new XElement(
            "topology",
            new XAttribute("sockets", Number(cpu.Topology.Sockets)),
            new XAttribute("cores", Number(cpu.Topology.Cores)),
            new XAttribute("threads", Number(cpu.Topology.Threads))));

    private static XElement Devices(DomainDevices devices) => new(
        "devices",
        devices.Disks.Select(Disk),
        devices.Controllers.Select(Controller),
        devices.Interfaces.Select(Interface),
        Serial(devices.Serial),
        Console(devices.Serial),
        // Without an explicit balloon libvirt adds one, so "off" must be said as model='none'.
        new XElement("memballoon", new XAttribute("model", devices.MemBalloon ? "virtio" : "none")),
        devices.Rng is null
            ? null
            : new XElement("rng", new XAttribute("model", "virtio"), new XElement("backend", new XAttribute("model", "random"), devices.Rng.BackendPath)));

    private static XElement Disk(DomainDisk disk) => new(
        "disk",
        new XAttribute("type", "file"),
        new XAttribute("device", disk.Device),
        new XElement(
            "driver",
            new XAttribute("name", "qemu"),
            new XAttribute("type", disk.Format),
            disk.Cache is null ? null : new XAttribute("cache", disk.Cache)),
        new XElement("source", new XAttribute("file", disk.SourceFile)),
        new XElement("target", new XAttribute("dev", disk.TargetDev), new XAttribute("bus", disk.Bus)),
        Boot(disk.BootOrder),
        disk.ReadOnly ? new XElement("readonly") : null,
        disk.Serial is null ? null : new XElement("serial", disk.Serial),
        Alias(disk.Alias));

    private static XElement Controller(DomainController controller) => new(
        "controller",
        new XAttribute("type", controller.Type),
        new XAttribute("index", Number(controller.Index)),
        controller.Model is null ? null : new XAttribute("model", controller.Model));

    private static XElement Interface(DomainInterface nic) => new(
        "interface",
        new XAttribute("type", "bridge"),
        nic.MacAddress is null ? null : new XElement("mac", new XAttribute("address", nic.MacAddress)),
        new XElement("source", new XAttribute("bridge", nic.SourceBridge)),
        new XElement("model", new XAttribute("type", nic.Model)),
        Boot(nic.BootOrder),
        Alias(nic.Alias));

    private static XElement? Serial(SerialDevice? serial) => serial is null
        ? null
        : new XElement(
            "serial",
            new XAttribute("type", "unix"),
            UnixSource(serial),
            new XElement("log", new XAttribute("file", serial.LogPath), new XAttribute("append", "on")),
            new XElement("target", new XAttribute("port", "0")));

    /// <summary>The console is the serial port itself (same socket), so virsh console and the log see one stream.</summary>
    private static XElement? Console(SerialDevice? serial) => serial is null
        ? null
        : new XElement(
            "console",
            new XAttribute("type", "unix"),
            UnixSource(serial),
            new XElement("target", new XAttribute("type", "serial"), new XAttribute("port", "0")));

    private static XElement UnixSource(SerialDevice serial) =>
        new("source", new XAttribute("mode", "bind"), new XAttribute("path", serial.SocketPath));

    private static XElement? Boot(int? order) =>
        order is null ? null : new XElement("boot", new XAttribute("order", Number(order.Value)));

    private static XElement Alias(string alias) => new("alias", new XAttribute("name", alias));

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static XElement? Features(DomainDefinition domain)
    {
        var tcg = domain.TcgTranslationCacheMiB is { } cache
            ? new XElement("tcg", new XElement("tb-cache", new XAttribute("unit", "MiB"), Number(cache)))
            : null;
        return domain.Features.Count == 0 && tcg is null
            ? null
            : new XElement("features", domain.Features.Select(f => new XElement(f)), tcg);
    }
}
