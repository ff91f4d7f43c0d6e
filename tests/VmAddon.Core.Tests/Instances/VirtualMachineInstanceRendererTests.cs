using k8s;
using VmAddon.Api;
using VmAddon.Core.Instances;

namespace VmAddon.Core.Tests.Instances;

public sealed class VirtualMachineInstanceRendererTests
{
    private const string VmJson = """
        {
          "apiVersion": "vmaddon.io/v1alpha1",
          "kind": "VirtualMachine",
          "metadata": { "name": "legacy-app", "namespace": "shop", "uid": "0d6c7a52-1111-4c1e-9d1e-2f5a7b8c9d01", "generation": 4 },
          "spec": {
            "runStrategy": "Always",
            "template": {
              "metadata": { "labels": { "app": "legacy" }, "annotations": { "team": "ops" } },
              "spec": {
                "domain": { "memory": { "guest": "128Mi" }, "devices": {} },
                "volumes": [ { "name": "rootdisk", "containerDisk": { "image": "vmaddon/guest:1" } } ]
              }
            }
          }
        }
        """;

    private static VirtualMachine Vm() => KubernetesJson.Deserialize<VirtualMachine>(VmJson);

    [Fact]
    public void Render_Names_The_Vmi_After_The_Vm_In_Its_Namespace()
    {
        var vmi = VirtualMachineInstanceRenderer.Render(Vm());

        vmi.Metadata.Name.Should().Be("legacy-app");
        vmi.Metadata.NamespaceProperty.Should().Be("shop");
        vmi.ApiVersion.Should().Be("vmaddon.io/v1alpha1");
        vmi.Kind.Should().Be("VirtualMachineInstance");
    }

    [Fact]
    public void Render_Starts_Paused_Only_When_Asked_To()
    {
        VirtualMachineInstanceRenderer.Render(Vm(), startPaused: true).Spec.StartStrategy.Should().Be(StartStrategy.Paused);
        VirtualMachineInstanceRenderer.Render(Vm()).Spec.StartStrategy.Should().BeNull();
    }

    [Fact]
    public void Render_Makes_The_Vm_The_Controlling_Owner()
    {
        var owner = VirtualMachineInstanceRenderer.Render(Vm()).Metadata.OwnerReferences.Should().ContainSingle().Subject;

        owner.ApiVersion.Should().Be("vmaddon.io/v1alpha1");
        owner.Kind.Should().Be("VirtualMachine");
        owner.Name.Should().Be("legacy-app");
        owner.Uid.Should().Be("0d6c7a52-1111-4c1e-9d1e-2f5a7b8c9d01");
        owner.Controller.Should().BeTrue();
        owner.BlockOwnerDeletion.Should().BeTrue();
    }

    [Fact]
    public void Render_Copies_Labels_And_Annotations_From_The_Template()
    {
        var vmi = VirtualMachineInstanceRenderer.Render(Vm());

        vmi.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["app"] = "legacy" });
        vmi.Metadata.Annotations.Should().Contain("team", "ops");
    }

    [Fact]
    public void Render_Records_The_Vm_Generation_It_Was_Made_From()
    {
        VirtualMachineInstanceRenderer.Render(Vm()).Metadata.Annotations
            .Should().Contain(InstanceAnnotations.VmGeneration, "4");
    }

    [Fact]
    public void Render_Fills_In_KubeVirt_Defaults_In_The_Spec()
    {
        var spec = VirtualMachineInstanceRenderer.Render(Vm()).Spec;

        spec.Domain.Cpu!.Cores.Should().Be(1);
        spec.Domain.Machine!.Type.Should().Be("q35");
        spec.TerminationGracePeriodSeconds.Should().Be(30);
        spec.Domain.Devices.Disks.Should().ContainSingle(d => d.Name == "rootdisk" && d.DiskTarget!.Bus == "virtio");
        spec.Domain.Firmware!.Uuid.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Render_Keeps_The_Template_Spec_Values()
    {
        var spec = VirtualMachineInstanceRenderer.Render(Vm()).Spec;

        spec.Domain.Memory!.Guest!.ToString().Should().Be("128Mi");
        spec.Volumes.Should().ContainSingle().Which.ContainerDisk!.Image.Should().Be("vmaddon/guest:1");
    }

    [Fact]
    public void Render_Throws_When_The_Template_Has_No_Spec()
    {
        var vm = Vm();
        vm = vm with { Spec = vm.Spec with { Template = new VirtualMachineInstanceTemplateSpec() } };

        var act = () => VirtualMachineInstanceRenderer.Render(vm);

        act.Should().Throw<ArgumentException>().WithMessage("*spec.template.spec*");
    }

    [Fact]
    public void Render_Throws_When_The_Vm_Has_No_Uid_To_Own_By()
    {
        var vm = Vm();
        vm.Metadata.Uid = null;

        var act = () => VirtualMachineInstanceRenderer.Render(vm);

        act.Should().Throw<ArgumentException>().WithMessage("*uid*");
    }
}
