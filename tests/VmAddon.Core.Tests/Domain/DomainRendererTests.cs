using VmAddon.Api;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class DomainRendererTests
{
    private static readonly DomainRenderOptions s_kvm = new();

    [Theory]
    [InlineData(false, "kvm")]
    [InlineData(true, "qemu")]
    public void Render_Picks_The_Domain_Type_From_Software_Emulation(bool softwareEmulation, string type) =>
        DomainRenderer.Render(TestVmis.Minimal(), new DomainRenderOptions { SoftwareEmulation = softwareEmulation }).Type.Should().Be(type);

    [Fact]
    public void Render_Names_The_Domain_Namespace_Underscore_Name_With_The_Firmware_Uuid()
    {
        var vmi = TestVmis.Minimal();

        var domain = DomainRenderer.Render(vmi, s_kvm);

        domain.Name.Should().Be("demo_testvm");
        domain.Uuid.Should().NotBeNullOrEmpty().And.Be(vmi.Spec.Domain.Firmware!.Uuid);
    }

    [Fact]
    public void Render_Assumes_The_Default_Namespace_When_None_Is_Set()
    {
        var vmi = TestVmis.Minimal();
        vmi.Metadata.NamespaceProperty = null;

        DomainRenderer.Render(vmi, s_kvm).Name.Should().Be("default_testvm");
    }

    [Fact]
    public void Render_Destroys_On_Poweroff_And_Crash_And_Restarts_On_Reboot()
    {
        var domain = DomainRenderer.Render(TestVmis.Minimal(), s_kvm);

        (domain.OnPoweroff, domain.OnReboot, domain.OnCrash).Should().Be(("destroy", "restart", "destroy"));
        domain.Features.Should().Contain("acpi", "the agent shuts guests down through the ACPI power button");
    }

    [Fact]
    public void Render_Attaches_Serial_Console_And_Balloon_By_Default_But_No_Rng()
    {
        var devices = DomainRenderer.Render(TestVmis.Minimal(), s_kvm).Devices;

        devices.Serial.Should().Be(new SerialDevice("/var/run/vmaddon-private/serial0", "/var/run/vmaddon-private/serial0.log"));
        devices.MemBalloon.Should().BeTrue();
        devices.Rng.Should().BeNull();
    }

    [Fact]
    public void Render_Leaves_Out_What_The_Vmi_Turns_Off_And_Adds_Rng_When_Asked()
    {
        var vmi = TestVmis.WithSpec("""
            { "domain": { "devices": { "autoattachSerialConsole": false, "autoattachMemBalloon": false, "rng": {} }, "memory": { "guest": "64Mi" } } }
            """);

        var devices = DomainRenderer.Render(vmi, s_kvm).Devices;

        devices.Serial.Should().BeNull();
        devices.MemBalloon.Should().BeFalse();
        devices.Rng.Should().Be(new RngDevice("/dev/urandom"));
    }

    [Fact]
    public void Render_Uses_The_Defaulted_Machine_Type()
    {
        DomainRenderer.Render(TestVmis.Minimal(), s_kvm).Os.Machine.Should().Be("q35");
        var pc = TestVmis.WithSpec("""{ "domain": { "devices": {}, "machine": { "type": "pc" }, "memory": { "guest": "64Mi" } } }""");
        DomainRenderer.Render(pc, s_kvm).Os.Machine.Should().Be("pc");
    }

    [Fact]
    public void Render_Names_Memory_Guest_When_Memory_Is_Missing()
    {
        var vmi = TestVmis.WithSpec("""{ "domain": { "devices": {} } }""");

        var act = () => DomainRenderer.Render(vmi, s_kvm);

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.memory.guest:*");
    }

    [Fact]
    public void Render_Names_Metadata_Name_When_The_Vmi_Has_No_Name()
    {
        var vmi = TestVmis.Minimal();
        vmi.Metadata.Name = null;

        var act = () => DomainRenderer.Render(vmi, s_kvm);

        act.Should().Throw<ArgumentException>().WithMessage("metadata.name:*");
    }

    [Fact]
    public void Render_Does_Not_Crash_On_A_Vmi_That_Was_Not_Defaulted()
    {
        var vmi = new VirtualMachineInstance
        {
            Metadata = new() { Name = "bare" },
            Spec = new VirtualMachineInstanceSpec
            {
                Domain = new DomainSpec { Memory = new Memory { Guest = new("64Mi") }, Devices = new Devices { Disks = [new Disk { Name = "d" }] } },
                Volumes = [new Volume { Name = "d", EmptyDisk = new EmptyDiskSource { Capacity = new("1Gi") } }],
            },
        };

        var domain = DomainRenderer.Render(vmi, s_kvm);

        domain.Os.Machine.Should().Be("q35");
        domain.Devices.Disks.Single().TargetDev.Should().Be("vda");
        domain.Uuid.Should().BeNull("libvirt generates a UUID when the defaulter did not set one");
    }

    [Fact]
    public void Render_Names_The_Second_Device_That_Reuses_A_Boot_Order()
    {
        var vmi = TestVmis.WithSpec("""
            {
              "domain": {
                "devices": {
                  "disks": [ { "name": "a", "bootOrder": 1 } ],
                  "interfaces": [ { "name": "default", "masquerade": {}, "bootOrder": 1 } ]
                },
                "memory": { "guest": "64Mi" }
              },
              "networks": [ { "name": "default", "pod": {} } ],
              "volumes": [ { "name": "a", "containerDisk": { "image": "i" } } ]
            }
            """);

        var act = () => DomainRenderer.Render(vmi, s_kvm);

        act.Should().Throw<ArgumentException>()
            .WithMessage("spec.domain.devices.interfaces[0].bootOrder: boot order 1 is already used by spec.domain.devices.disks[0].bootOrder*");
    }
}
