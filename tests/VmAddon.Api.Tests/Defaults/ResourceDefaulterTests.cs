using k8s.Models;

namespace VmAddon.Api.Tests.Defaults;

public class ResourceDefaulterTests
{
    private static VirtualMachineInstance Vmi(Action<VirtualMachineInstanceSpec>? _ = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "demo", NamespaceProperty = "default" },
        Spec = new VirtualMachineInstanceSpec
        {
            Domain = new DomainSpec { Memory = new Memory { Guest = new ResourceQuantity("128Mi") } },
            Volumes = [new Volume { Name = "root", ContainerDisk = new ContainerDiskSource { Image = "img" } }],
        },
    };

    [Fact]
    public void Apply_fills_kubevirts_defaults()
    {
        var spec = ResourceDefaulter.Apply(Vmi()).Spec;

        spec.Domain.Cpu.Should().BeEquivalentTo(new Cpu { Cores = 1, Sockets = 1, Threads = 1 });
        spec.Domain.Machine!.Type.Should().Be("q35");
        spec.TerminationGracePeriodSeconds.Should().Be(30);
        spec.Domain.Devices.Disks.Should().ContainSingle().Which.Should().BeEquivalentTo(new Disk { Name = "root", DiskTarget = new DiskTarget { Bus = "virtio" } });
        spec.Domain.Devices.Interfaces.Should().ContainSingle().Which.Should().BeEquivalentTo(new Interface { Name = "default", Model = "virtio", Masquerade = new InterfaceMasquerade() });
        spec.Networks.Should().ContainSingle().Which.Name.Should().Be("default");
    }

    [Fact]
    public void Apply_gives_the_same_name_the_same_firmware_uuid()
    {
        var first = ResourceDefaulter.Apply(Vmi()).Spec.Domain.Firmware!.Uuid;
        var second = ResourceDefaulter.Apply(Vmi()).Spec.Domain.Firmware!.Uuid;

        first.Should().NotBeNullOrEmpty().And.Be(second);
        Guid.Parse(first!).ToString().Should().Be(first);
    }

    [Fact]
    public void Apply_does_not_add_a_pod_interface_when_autoattach_is_off()
    {
        var vmi = Vmi();
        vmi = vmi with { Spec = vmi.Spec with { Domain = vmi.Spec.Domain with { Devices = new Devices { AutoattachPodInterface = false } } } };

        ResourceDefaulter.Apply(vmi).Spec.Domain.Devices.Interfaces.Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData(true, null, "Always")]
    [InlineData(false, null, "Halted")]
    [InlineData(null, "Manual", "Manual")]
    [InlineData(null, null, "Halted")]
    public void EffectiveRunStrategy_follows_running_then_runStrategy(bool? running, string? strategy, string expected) =>
        ResourceDefaulter.EffectiveRunStrategy(new VirtualMachineSpec { Running = running, RunStrategy = strategy }).Should().Be(expected);
}
