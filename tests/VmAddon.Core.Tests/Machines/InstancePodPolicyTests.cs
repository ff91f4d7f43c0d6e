using VmAddon.Api;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class InstancePodPolicyTests
{
    [Fact]
    public void A_new_instance_gets_a_pod_once_then_moves_through_scheduling_to_scheduled()
    {
        var create = InstancePodPolicy.Decide(null, null, podExpected: false);
        var waiting = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Pending, null, podExpected: true);
        var created = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Pending, new PodObservation("Pending", null, false), false);
        var bound = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Scheduling, new PodObservation("Pending", "node-a", false), false);
        var running = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Scheduling, new PodObservation("Running", "node-a", false, Ready: true), false);

        create.CreatePod.Should().BeTrue();
        waiting.CreatePod.Should().BeFalse("an expected pod is on its way; a stale cache must not make a second");
        created.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling);
        bound.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling);
        bound.NodeName.Should().Be("node-a");
        running.Phase.Should().Be(VirtualMachineInstancePhase.Scheduled);
    }

    [Fact]
    public void A_pod_that_fails_or_vanishes_fails_the_instance_with_a_reason()
    {
        var failed = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Scheduled, new PodObservation("Failed", "node-a", false), false);
        var vanished = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Scheduling, null, false);

        failed.Should().Be(new InstancePodDecision(VirtualMachineInstancePhase.Failed, InstancePodPolicy.PodFailedReason, false, "node-a", null));
        vanished.Phase.Should().Be(VirtualMachineInstancePhase.Failed);
        vanished.Reason.Should().Be(InstancePodPolicy.PodDeletedReason);
    }

    [Fact]
    public void An_unschedulable_pod_surfaces_its_message()
    {
        var decision = InstancePodPolicy.Decide(VirtualMachineInstancePhase.Scheduling, new PodObservation("Pending", null, false, "0/2 nodes are available"), false);

        decision.Unschedulable.Should().Be("0/2 nodes are available");
        decision.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling);
    }

    [Fact]
    public void Fencing_fails_an_instance_on_a_lost_node_only_after_the_timeout_and_once_its_pod_is_gone()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var timeout = TimeSpan.FromMinutes(1);

        NodeFencing.Decide(null, podGone: true, timeout, now).FailInstance.Should().BeFalse("a Ready node's instances are its agent's business");
        NodeFencing.Decide(now.AddSeconds(-30), podGone: true, timeout, now).Should().Be(new FencingDecision(false, TimeSpan.FromSeconds(30)));
        NodeFencing.Decide(now.AddMinutes(-5), podGone: false, timeout, now).FailInstance.Should().BeFalse("a Terminating pod may still run QEMU");
        NodeFencing.Decide(now.AddMinutes(-5), podGone: true, timeout, now).FailInstance.Should().BeTrue();
    }
}
