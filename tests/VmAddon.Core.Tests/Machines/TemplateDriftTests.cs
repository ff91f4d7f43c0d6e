using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Instances;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class TemplateDriftTests
{
    [Fact]
    public void An_instance_of_the_current_generation_is_current()
    {
        var vm = Vm(generation: 1, memory: "64Mi");

        TemplateDrift.RestartRequired(vm, VirtualMachineInstanceRenderer.Render(vm)).Should().BeFalse();
    }

    [Fact]
    public void A_new_generation_with_the_same_template_is_current_but_a_changed_template_is_not()
    {
        var instance = VirtualMachineInstanceRenderer.Render(Vm(generation: 1, memory: "64Mi"));

        TemplateDrift.RestartRequired(Vm(generation: 2, memory: "64Mi") with { Spec = Vm(2, "64Mi").Spec with { RunStrategy = RunStrategy.Manual } }, instance).Should().BeFalse();
        TemplateDrift.RestartRequired(Vm(generation: 3, memory: "128Mi"), instance).Should().BeTrue();
    }

    [Fact]
    public void A_finished_instance_needs_no_restart()
    {
        var instance = VirtualMachineInstanceRenderer.Render(Vm(generation: 1, memory: "64Mi"));
        instance.Status = new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Succeeded };

        TemplateDrift.RestartRequired(Vm(generation: 2, memory: "128Mi"), instance).Should().BeFalse();
    }

    private static VirtualMachine Vm(long generation, string memory) => new()
    {
        Metadata = new V1ObjectMeta { Name = "vm", NamespaceProperty = "default", Uid = "u-1", Generation = generation },
        Spec = new VirtualMachineSpec
        {
            RunStrategy = RunStrategy.Always,
            Template = new VirtualMachineInstanceTemplateSpec
            {
                Spec = new VirtualMachineInstanceSpec { Domain = new DomainSpec { Memory = new Memory { Guest = new ResourceQuantity(memory) } } },
            },
        },
    };
}
