using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Core.Tests.Lifecycle;

/// <summary>kubectl vm pause and unpause: KubeVirt's checks, then the pause annotation the agent follows.</summary>
public sealed class InstancePauseTests
{
    [Fact]
    public void Pausing_a_running_instance_sets_the_annotation_to_true() =>
        ((LifecyclePlan.Patches)InstancePause.Pause(Instance(VirtualMachineInstancePhase.Running, paused: false))).Items.Single().JsonPatch.Should().Be(
            """[{"op":"test","path":"/metadata/resourceVersion","value":"7"},{"op":"add","path":"/metadata/annotations","value":{"vmaddon.io/pause-requested":"true"}}]""");

    [Fact]
    public void Unpausing_escapes_the_annotation_key_into_existing_annotations()
    {
        var instance = Instance(VirtualMachineInstancePhase.Running, paused: true);
        instance.Metadata.Annotations = new Dictionary<string, string> { ["a"] = "b" };

        ((LifecyclePlan.Patches)InstancePause.Unpause(instance)).Items.Single().JsonPatch.Should().Be(
            """[{"op":"test","path":"/metadata/resourceVersion","value":"7"},{"op":"add","path":"/metadata/annotations/vmaddon.io~1pause-requested","value":"false"}]""");
    }

    [Theory]
    [InlineData(VirtualMachineInstancePhase.Scheduled, false, true, "VMI is not running")]
    [InlineData(VirtualMachineInstancePhase.Running, true, true, "VMI is already paused")]
    [InlineData(VirtualMachineInstancePhase.Succeeded, true, false, "VMI is not running")]
    [InlineData(VirtualMachineInstancePhase.Running, false, false, "VMI is not paused")]
    public void Kubevirt_refusals(string phase, bool paused, bool pause, string reason) =>
        (pause ? InstancePause.Pause(Instance(phase, paused)) : InstancePause.Unpause(Instance(phase, paused)))
            .Should().Be(new LifecyclePlan.Refused(reason));

    [Fact]
    public void An_instance_being_deleted_is_not_paused()
    {
        var instance = Instance(VirtualMachineInstancePhase.Running, paused: false);
        instance.Metadata.DeletionTimestamp = new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);

        InstancePause.Pause(instance).Should().Be(new LifecyclePlan.Refused("VMI is not running"));
    }

    [Fact]
    public void A_migrating_instance_is_not_paused()
    {
        var instance = Instance(VirtualMachineInstancePhase.Running, paused: false);
        instance = instance with { Status = instance.Status! with { MigrationState = new MigrationState { Completed = false } } };

        InstancePause.Pause(instance).Should().Be(new LifecyclePlan.Refused("Cannot pause VM 'legacy-app' because it is currently being migrated"));
    }

    private static VirtualMachineInstance Instance(string phase, bool paused) => new()
    {
        Metadata = new V1ObjectMeta { Name = "legacy-app", NamespaceProperty = "default", ResourceVersion = "7" },
        Spec = new VirtualMachineInstanceSpec(),
        Status = new VirtualMachineInstanceStatus
        {
            Phase = phase,
            Conditions = paused ? [new Condition { Type = VirtualMachineInstanceConditionType.Paused, Status = "True" }] : null,
        },
    };
}
