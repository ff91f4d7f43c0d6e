using k8s.Models;
using VmAddon.DevCluster.NodeLifecycle;
using static VmAddon.DevCluster.Tests.Scheduling.SchedulingObjects;

namespace VmAddon.DevCluster.Tests.NodeLifecycle;

/// <summary>When a pod on a node with NoExecute taints is evicted.</summary>
public sealed class TaintEvictionPolicyTests
{
    private static readonly DateTimeOffset Tainted = Start.AddMinutes(10);

    private static readonly V1Taint Unreachable = Taint("node.kubernetes.io/unreachable", "NoExecute", added: Tainted);

    public static TheoryData<V1Toleration[], int?> Tolerations => new()
    {
        { [], 0 },
        { [Tolerate("other", "NoExecute", seconds: 60)], 0 },
        { [Tolerate("node.kubernetes.io/unreachable", "NoExecute")], null },
        { [Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: 300)], 300 },
        { [Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: 2)], 2 },
        { [Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: 0)], 0 },
        { [Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: -5)], 0 },
        { [Tolerate("node.kubernetes.io/unreachable", "NoSchedule", seconds: 60)], 0 },
        { [Tolerate(null, seconds: 30), Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: 5)], 30 },
    };

    [Theory]
    [MemberData(nameof(Tolerations))]
    public void A_pod_goes_after_its_toleration_runs_out_at_once_without_one_and_never_without_seconds(V1Toleration[] tolerations, int? after)
    {
        var pod = Pod("p", node: "a", tolerations: tolerations);

        var at = TaintEvictionPolicy.EvictionTime(pod, [Unreachable], Since);

        at.Should().Be(after is { } seconds ? Tainted.AddSeconds(seconds) : null);
    }

    [Fact]
    public void No_NoExecute_taint_no_eviction()
    {
        TaintEvictionPolicy.EvictionTime(Pod("p", node: "a"), [Taint("x", "NoSchedule")], Since).Should().BeNull();
    }

    [Fact]
    public void The_taint_with_the_shortest_toleration_decides_from_when_it_was_added()
    {
        var dedicated = Taint("dedicated", "NoExecute", "db", added: Start);
        var pod = Pod("p", node: "a", tolerations:
        [
            Tolerate("dedicated", "NoExecute"),
            Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: 60),
        ]);

        TaintEvictionPolicy.EvictionTime(pod, [dedicated, Unreachable], Since).Should().Be(Tainted.AddSeconds(60), "the forever-tolerated taint does not start the clock");
    }

    [Fact]
    public void One_untolerated_taint_evicts_at_once_even_when_others_are_tolerated()
    {
        var pod = Pod("p", node: "a", tolerations: [Tolerate("node.kubernetes.io/unreachable", "NoExecute")]);

        TaintEvictionPolicy.EvictionTime(pod, [Unreachable, Taint("node.kubernetes.io/out-of-service", "NoExecute", added: Tainted.AddSeconds(3))], Since)
            .Should().Be(Tainted.AddSeconds(3));
    }

    [Fact]
    public void A_pod_bound_after_the_taint_gets_its_full_toleration()
    {
        var pod = Pod("p", node: "a", tolerations: [Tolerate("node.kubernetes.io/unreachable", "NoExecute", seconds: 60)]);
        pod.Status.Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = Tainted.AddSeconds(30).UtcDateTime }];

        TaintEvictionPolicy.EvictionTime(pod, [Unreachable], Since).Should().Be(Tainted.AddSeconds(90));
    }

    [Theory]
    [InlineData(true, "Unknown", "NoExecute", true)]
    [InlineData(true, "False", "NoSchedule", true)]
    [InlineData(false, "Unknown", "NoExecute", false)]
    [InlineData(true, "True", "NoExecute", false)]
    [InlineData(true, "Unknown", null, false)]
    public void Terminating_pods_on_a_not_ready_out_of_service_node_are_force_deleted(bool terminating, string ready, string? outOfService, bool forced)
    {
        var node = Node("a", ready: ready, taints: outOfService is null ? null : [Taint("node.kubernetes.io/out-of-service", outOfService, "nodeshutdown")]);
        var pod = Pod("p", node: "a");
        pod.Metadata.DeletionTimestamp = terminating ? Start.UtcDateTime : null;

        NonGracefulShutdown.ShouldForceDelete(pod, node).Should().Be(forced);
    }

    private static DateTimeOffset Since(V1Taint taint) => taint.TimeAdded is { } added ? new DateTimeOffset(added, TimeSpan.Zero) : Tainted;
}
