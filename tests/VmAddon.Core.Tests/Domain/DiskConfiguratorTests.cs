using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class DiskConfiguratorTests
{
    private static (IReadOnlyList<DomainDisk> Disks, IReadOnlyList<DomainController> Controllers) Configure(string disksJson, string volumesJson) =>
        DiskConfigurator.Configure(TestVmis.WithSpec($$"""
            { "domain": { "devices": { "disks": {{disksJson}} }, "memory": { "guest": "128Mi" } }, "volumes": {{volumesJson}} }
            """).Spec);

    private static string ContainerDisks(params string[] names) =>
        "[" + string.Join(",", names.Select(n => $$"""{ "name": "{{n}}", "containerDisk": { "image": "img" } }""")) + "]";

    [Theory]
    // buses in disk order -> guest device names
    [InlineData("virtio", "vda")]
    [InlineData("sata", "sda")]
    [InlineData("scsi", "sda")]
    [InlineData("virtio,virtio,sata", "vda,vdb,sda")]
    [InlineData("sata,scsi,sata,virtio", "sda,sdb,sdc,vda")]
    [InlineData("scsi,virtio,scsi", "sda,vda,sdb")]
    public void Configure_Names_Devices_In_Order_Per_Bus_Family(string buses, string expectedDevs)
    {
        var busList = buses.Split(',');
        var names = busList.Select((_, i) => $"d{i}").ToArray();
        var disks = "[" + string.Join(",", busList.Select((b, i) => $$"""{ "name": "d{{i}}", "disk": { "bus": "{{b}}" } }""")) + "]";

        var (result, _) = Configure(disks, ContainerDisks(names));

        result.Select(d => d.TargetDev).Should().Equal(expectedDevs.Split(','));
        result.Select(d => d.Bus).Should().Equal(busList);
    }

    [Theory]
    [InlineData(0, "a")]
    [InlineData(25, "z")]
    [InlineData(26, "aa")]
    [InlineData(27, "ab")]
    [InlineData(701, "zz")]
    [InlineData(702, "aaa")]
    public void Device_Names_Continue_Past_Z_As_Libvirt_Expects(int index, string suffix) =>
        DeviceNameSequence.Suffix(index).Should().Be(suffix);

    [Theory]
    [InlineData("virtio", "")]
    [InlineData("sata", "sata")]
    [InlineData("scsi", "scsi:virtio-scsi")]
    [InlineData("sata,scsi", "sata,scsi:virtio-scsi")]
    public void Configure_Adds_A_Controller_Per_Bus_That_Needs_One(string buses, string expected)
    {
        var busList = buses.Split(',');
        var disks = "[" + string.Join(",", busList.Select((b, i) => $$"""{ "name": "d{{i}}", "disk": { "bus": "{{b}}" } }""")) + "]";

        var (_, controllers) = Configure(disks, ContainerDisks([.. busList.Select((_, i) => $"d{i}")]));

        string.Join(",", controllers.Select(c => c.Model is null ? c.Type : $"{c.Type}:{c.Model}")).Should().Be(expected);
    }

    [Fact]
    public void Configure_Backs_A_ContainerDisk_With_Its_Qcow2_Overlay()
    {
        var (disks, _) = Configure("""[ { "name": "root", "disk": {} } ]""", ContainerDisks("root"));

        disks.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Device = "disk",
            Format = "qcow2",
            SourceFile = "/var/run/vmaddon-ephemeral-disks/container-disk-root.qcow2",
            TargetDev = "vda",
            Bus = "virtio",
            ReadOnly = false,
            Alias = "ua-root",
        });
    }

    [Fact]
    public void Configure_Backs_An_EmptyDisk_With_A_Qcow2_Image()
    {
        var (disks, _) = Configure("""[ { "name": "scratch", "disk": { "bus": "sata" } } ]""",
            """[ { "name": "scratch", "emptyDisk": { "capacity": "2Gi" } } ]""");

        disks.Single().Should().BeEquivalentTo(new { SourceFile = "/var/run/vmaddon-ephemeral-disks/empty-disk-scratch.qcow2", Format = "qcow2", TargetDev = "sda" });
    }

    [Theory]
    [InlineData("""{ "disk": { "bus": "virtio" } }""", "disk", "virtio", true)]
    [InlineData("""{ "cdrom": { "bus": "sata" } }""", "cdrom", "sata", true)]
    [InlineData("""{ "cdrom": { "bus": "scsi" } }""", "cdrom", "scsi", true)]
    // QEMU cannot make a sata hard disk read-only.
    [InlineData("""{ "disk": { "bus": "sata" } }""", "disk", "sata", false)]
    public void Configure_Attaches_The_CloudInit_Seed_Raw_With_The_Disks_Bus(string target, string device, string bus, bool readOnly)
    {
        var (disks, _) = Configure($$"""[ { "name": "seed", {{target[1..^1]}} } ]""",
            """[ { "name": "seed", "cloudInitNoCloud": { "userData": "#cloud-config" } } ]""");

        disks.Single().Should().BeEquivalentTo(new
        {
            Device = device,
            Bus = bus,
            Format = "raw",
            ReadOnly = readOnly,
            SourceFile = "/var/run/vmaddon-private/cloud-init/seed.iso",
        });
    }

    [Fact]
    public void Configure_Makes_A_Cdrom_Read_Only_By_Default()
    {
        var (disks, _) = Configure("""[ { "name": "iso", "cdrom": {} } ]""", ContainerDisks("iso"));

        disks.Single().Should().BeEquivalentTo(new { Device = "cdrom", Bus = "sata", TargetDev = "sda", ReadOnly = true });
    }

    [Fact]
    public void Configure_Keeps_Boot_Order_Serial_Cache_And_Readonly()
    {
        var (disks, _) = Configure(
            """[ { "name": "root", "disk": { "bus": "scsi", "readonly": true }, "bootOrder": 2, "serial": "ROOT-1", "cache": "writethrough" } ]""",
            ContainerDisks("root"));

        disks.Single().Should().BeEquivalentTo(new { BootOrder = 2, Serial = "ROOT-1", Cache = "writethrough", ReadOnly = true });
    }

    [Theory]
    [InlineData("""{ "name": "d", "persistentVolumeClaim": { "claimName": "c" } }""", "spec.volumes[0].persistentVolumeClaim")]
    [InlineData("""{ "name": "d", "hostDisk": { "path": "/x.img", "type": "Disk" } }""", "spec.volumes[0].hostDisk")]
    public void Configure_Rejects_Unsupported_Volumes_By_Field(string volume, string path)
    {
        var act = () => Configure("""[ { "name": "d", "disk": {} } ]""", $"[{volume}]");

        act.Should().Throw<NotSupportedException>().WithMessage($"{path}:*");
    }

    [Theory]
    [InlineData("""[ { "name": "d", "disk": { "bus": "ide" } } ]""", "spec.domain.devices.disks[0].disk.bus")]
    [InlineData("""[ { "name": "d", "cdrom": { "bus": "virtio" } } ]""", "spec.domain.devices.disks[0].cdrom.bus")]
    [InlineData("""[ { "name": "d", "cache": "unsafe" } ]""", "spec.domain.devices.disks[0].cache")]
    [InlineData("""[ { "name": "d", "disk": { "bus": "sata", "readonly": true } } ]""", "spec.domain.devices.disks[0].disk.readonly")]
    public void Configure_Rejects_Unsupported_Disk_Settings_By_Field(string disks, string path)
    {
        var act = () => Configure(disks, ContainerDisks("d"));

        act.Should().Throw<NotSupportedException>().WithMessage($"{path}:*");
    }

    [Fact]
    public void Configure_Names_The_Disk_Whose_Volume_Is_Missing()
    {
        var spec = TestVmis.Minimal().Spec;
        spec = spec with { Volumes = [] };

        var act = () => DiskConfigurator.Configure(spec);

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.devices.disks[0].name: disk \"containerdisk\" has no volume*");
    }

    [Fact]
    public void Configure_Rejects_A_Volume_Without_A_Source()
    {
        var act = () => Configure("""[ { "name": "d", "disk": {} } ]""", """[ { "name": "d" } ]""");

        act.Should().Throw<ArgumentException>().WithMessage("spec.volumes[0]: volume \"d\" has no source*");
    }
}
