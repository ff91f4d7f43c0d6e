using VmAddon.Api;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class InstanceStatusPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_controller_moves_its_own_phases_and_records_each_transition_once()
    {
        var scheduling = InstanceStatusPolicy.Next(null, Decision(VirtualMachineInstancePhase.Scheduling), null, Now);
        var again = InstanceStatusPolicy.Next(scheduling, Decision(VirtualMachineInstancePhase.Scheduling), null, Now.AddSeconds(1));
        var scheduled = InstanceStatusPolicy.Next(scheduling, Decision(VirtualMachineInstancePhase.Scheduled, node: "node-a"), null, Now.AddSeconds(2));

        scheduling!.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling);
        scheduling.NodeName.Should().BeNull();
        again.Should().BeEquivalentTo(scheduling, "nothing changed, so nothing is written");
        scheduled!.NodeName.Should().Be("node-a", "status.nodeName comes with Scheduled, in the same write");
        scheduled.PhaseTransitionTimestamps!.Select(t => t.Phase).Should().Equal(VirtualMachineInstancePhase.Scheduling, VirtualMachineInstancePhase.Scheduled);
    }

    [Fact]
    public void Nothing_to_say_about_a_pending_instance_is_no_status_at_all() =>
        InstanceStatusPolicy.Next(null, Decision(VirtualMachineInstancePhase.Pending), null, Now).Should().BeNull();

    [Fact]
    public void The_agents_phases_are_never_overwritten_but_a_failed_pod_still_fails_the_instance()
    {
        var running = new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Running, NodeName = "node-a" };
        var succeeded = new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Succeeded };

        InstanceStatusPolicy.Next(running, Decision(VirtualMachineInstancePhase.Scheduled, node: "node-a"), null, Now)!.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        InstanceStatusPolicy.Next(succeeded, Decision(VirtualMachineInstancePhase.Failed, reason: "PodFailed"), null, Now).Should().BeSameAs(succeeded);
        var failed = InstanceStatusPolicy.Fail(running, NodeFencing.NodeUnresponsiveReason, Now)!;
        failed.Phase.Should().Be(VirtualMachineInstancePhase.Failed);
        failed.Reason.Should().Be(NodeFencing.NodeUnresponsiveReason);
    }

    [Fact]
    public void An_unschedulable_pod_becomes_a_PodScheduled_condition_that_goes_once_the_pod_is_scheduled()
    {
        var waiting = InstanceStatusPolicy.Next(null, Decision(VirtualMachineInstancePhase.Scheduling, unschedulable: "0/1 nodes are available"), null, Now)!;
        var bound = InstanceStatusPolicy.Next(waiting, Decision(VirtualMachineInstancePhase.Scheduling, node: "node-a"), null, Now)!;

        waiting.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.PodScheduled && c.Status == "False" && c.Reason == "Unschedulable"
            && c.Message == "0/1 nodes are available");
        bound.Conditions.Should().BeNull();
    }

    [Fact]
    public void A_launcher_that_cannot_be_made_fails_the_instance_with_a_Failure_condition()
    {
        var failed = InstanceStatusPolicy.Next(null, Decision(VirtualMachineInstancePhase.Scheduling), "spec.volumes[0]: not supported", Now)!;

        failed.Phase.Should().Be(VirtualMachineInstancePhase.Failed);
        failed.Reason.Should().Be(InstanceStatusPolicy.FailedCreateReason);
        failed.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Failure && c.Message == "spec.volumes[0]: not supported");
    }

    private static InstancePodDecision Decision(string phase, string? reason = null, string? node = null, string? unschedulable = null) =>
        new(phase, reason, CreatePod: false, node, unschedulable);
}
