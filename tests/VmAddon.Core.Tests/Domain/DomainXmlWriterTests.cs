using System.Xml.Linq;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class DomainXmlWriterTests
{
    private static readonly XNamespace s_qemu = "http://libvirt.org/schemas/domain/qemu/1.0";

    private static XElement Render(string specJson, bool softwareEmulation = false) =>
        XElement.Parse(DomainXmlWriter.Write(DomainRenderer.Render(TestVmis.WithSpec(specJson), new DomainRenderOptions { SoftwareEmulation = softwareEmulation })));

    private static XElement RenderMasquerade() => XElement.Parse(DomainXmlWriter.Write(
        DomainRenderer.Render(TestVmis.ContainerDiskCloudInitMasquerade(), new DomainRenderOptions { SoftwareEmulation = true })));

    [Fact]
    public void Write_Puts_Top_Level_Elements_In_Libvirts_Order()
    {
        var names = RenderMasquerade().Elements().Select(e => e.Name.LocalName).ToList();

        names.Should().Equal(
            "name", "uuid", "memory", "vcpu", "sysinfo", "os", "features", "cpu", "clock",
            "on_poweroff", "on_reboot", "on_crash", "devices", "commandline");
    }

    [Fact]
    public void Write_Renders_Type_Qemu_Under_Software_Emulation() =>
        RenderMasquerade().Attribute("type")!.Value.Should().Be("qemu");

    [Fact]
    public void Write_Forwards_Port_80_Through_Qemu_Commandline()
    {
        var args = RenderMasquerade().Element(s_qemu + "commandline")!.Elements(s_qemu + "arg").Select(a => a.Attribute("value")!.Value);

        args.Should().Equal("-netdev", "user,id=ua-default,hostfwd=tcp::80-:80", "-device", "virtio-net-pci,netdev=ua-default,addr=0x9");
    }

    [Fact]
    public void Write_Renders_A_Sata_Disk_As_Sda_On_A_Sata_Controller()
    {
        var devices = Render("""
            { "domain": { "devices": { "disks": [ { "name": "root", "disk": { "bus": "sata" } } ] }, "memory": { "guest": "64Mi" } },
              "volumes": [ { "name": "root", "containerDisk": { "image": "i" } } ] }
            """).Element("devices")!;

        var target = devices.Element("disk")!.Element("target")!;
        target.Attribute("dev")!.Value.Should().Be("sda");
        target.Attribute("bus")!.Value.Should().Be("sata");
        devices.Elements("controller").Should().ContainSingle(c => c.Attribute("type")!.Value == "sata");
    }

    [Fact]
    public void Write_Renders_Memory_In_KiB_And_The_Vcpu_Count()
    {
        var domain = Render("""{ "domain": { "cpu": { "sockets": 2, "cores": 2 }, "devices": {}, "memory": { "guest": "1Gi" } } }""");

        domain.Element("memory")!.Value.Should().Be("1048576");
        domain.Element("memory")!.Attribute("unit")!.Value.Should().Be("KiB");
        domain.Element("vcpu")!.Value.Should().Be("4");
    }

    [Fact]
    public void Write_Selects_Efi_Firmware_With_Secure_Boot_Off()
    {
        var os = Render("""{ "domain": { "devices": {}, "firmware": { "bootloader": { "efi": { "secureBoot": false } } }, "memory": { "guest": "64Mi" } } }""")
            .Element("os")!;

        os.Attribute("firmware")!.Value.Should().Be("efi");
        var feature = os.Element("firmware")!.Element("feature")!;
        (feature.Attribute("name")!.Value, feature.Attribute("enabled")!.Value).Should().Be(("secure-boot", "no"));
    }

    [Fact]
    public void Write_Points_The_Console_At_The_Serial_Socket_And_Logs_It()
    {
        var devices = RenderMasquerade().Element("devices")!;

        var serial = devices.Element("serial")!;
        serial.Attribute("type")!.Value.Should().Be("unix");
        serial.Element("source")!.Attribute("path")!.Value.Should().Be("/var/run/vmaddon-private/serial0");
        serial.Element("source")!.Attribute("mode")!.Value.Should().Be("bind");
        serial.Element("log")!.Attribute("file")!.Value.Should().Be("/var/run/vmaddon-private/serial0.log");
        devices.Element("console")!.Element("target")!.Attribute("type")!.Value.Should().Be("serial");
    }

    [Fact]
    public void Write_Turns_The_Balloon_Off_Explicitly_When_The_Vmi_Does()
    {
        var devices = Render("""{ "domain": { "devices": { "autoattachMemBalloon": false }, "memory": { "guest": "64Mi" } } }""").Element("devices")!;

        devices.Element("memballoon")!.Attribute("model")!.Value.Should().Be("none");
    }

    [Fact]
    public void Write_Leaves_Out_The_Qemu_Namespace_Without_Masquerade()
    {
        var xml = DomainXmlWriter.Write(DomainRenderer.Render(
            TestVmis.WithSpec("""{ "domain": { "devices": { "autoattachPodInterface": false }, "memory": { "guest": "64Mi" } } }"""),
            new DomainRenderOptions()));

        xml.Should().NotContain("qemu:");
    }
}
