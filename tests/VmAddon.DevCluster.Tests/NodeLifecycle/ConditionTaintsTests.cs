using VmAddon.DevCluster.NodeLifecycle;
using static VmAddon.DevCluster.Tests.Scheduling.SchedulingObjects;

namespace VmAddon.DevCluster.Tests.NodeLifecycle;

/// <summary>The taints the node lifecycle controller keeps on a node from its conditions and cordon.</summary>
public sealed class ConditionTaintsTests
{
    private static readonly DateTimeOffset Now = Start.AddMinutes(1);

    [Theory]
    [InlineData("True", "")]
    [InlineData("False", "node.kubernetes.io/not-ready:NoSchedule,node.kubernetes.io/not-ready:NoExecute")]
    [InlineData("Unknown", "node.kubernetes.io/unreachable:NoSchedule,node.kubernetes.io/unreachable:NoExecute")]
    public void Ready_decides_the_not_ready_or_unreachable_taints(string ready, string taints)
    {
        var node = Node("a", ready: ready);

        var result = ConditionTaints.Reconcile(node, Now);

        if (taints.Length == 0)
        {
            result.Should().BeNull();
            return;
        }

        result!.Select(t => $"{t.Key}:{t.Effect}").Should().Equal(taints.Split(','));
        result.Should().OnlyContain(t => t.TimeAdded == Now.UtcDateTime);
    }

    [Fact]
    public void Pressure_conditions_and_cordon_add_NoSchedule_taints()
    {
        var node = Node("a", cordoned: true);
        node.Status.Conditions.Add(Condition("DiskPressure", "True", "KubeletHasDiskPressure"));
        node.Status.Conditions.Add(Condition("MemoryPressure", "False", "KubeletHasSufficientMemory"));

        ConditionTaints.Reconcile(node, Now)!.Select(t => $"{t.Key}:{t.Effect}").Should().Equal(
            "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule");
    }

    [Fact]
    public void A_swap_keeps_other_taints_and_still_wanted_ones_with_their_time()
    {
        var earlier = Start.AddSeconds(5);
        var node = Node("a", ready: "False", taints:
        [
            Taint("dedicated", "NoSchedule", "gpu"),
            Taint("node.kubernetes.io/unreachable", "NoSchedule", added: earlier),
            Taint("node.kubernetes.io/unreachable", "NoExecute", added: earlier),
            Taint("node.kubernetes.io/not-ready", "NoSchedule", added: earlier),
        ]);

        var result = ConditionTaints.Reconcile(node, Now)!;

        result.Select(t => (t.Key, t.Effect, t.TimeAdded)).Should().Equal(
            ("dedicated", "NoSchedule", (DateTime?)null),
            ("node.kubernetes.io/not-ready", "NoSchedule", earlier.UtcDateTime),
            ("node.kubernetes.io/not-ready", "NoExecute", Now.UtcDateTime));
    }

    [Fact]
    public void A_Ready_node_loses_the_controllers_taints_and_keeps_the_others()
    {
        var node = Node("a", taints:
        [
            Taint("node.kubernetes.io/unreachable", "NoExecute", added: Start),
            Taint("node.kubernetes.io/out-of-service", "NoExecute", "nodeshutdown"),
        ]);

        ConditionTaints.Reconcile(node, Now)!.Select(t => t.Key).Should().Equal("node.kubernetes.io/out-of-service");
    }
}
