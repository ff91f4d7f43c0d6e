using k8s.Models;
using VmAddon.DevCluster.NodeLifecycle;
using static VmAddon.DevCluster.Tests.Scheduling.SchedulingObjects;

namespace VmAddon.DevCluster.Tests.NodeLifecycle;

/// <summary>When <see cref="NodeHealthPolicy"/> declares a node's kubelet gone, and what it writes then.</summary>
public sealed class NodeHealthPolicyTests
{
    private static readonly NodeLifecycleOptions Options = new() { GracePeriod = TimeSpan.FromSeconds(40), StartupGracePeriod = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData(10, 49, false)]
    [InlineData(10, 51, true)]
    [InlineData(100, 139, false)]
    [InlineData(100, 141, true)]
    public void A_node_is_stale_once_its_lease_was_not_renewed_within_the_grace_period(int renewedAt, int now, bool stale)
    {
        var health = NodeHealthPolicy.Assess(Node("a"), Lease("a", Start.AddSeconds(renewedAt)), Start.AddSeconds(now), Options);

        health.Stale.Should().Be(stale);
        health.LastHeartbeat.Should().Be(Start.AddSeconds(renewedAt));
        (health.Conditions is not null).Should().Be(stale);
    }

    [Fact]
    public void A_stale_node_gets_Ready_and_the_pressure_conditions_Unknown_and_keeps_NetworkUnavailable()
    {
        var node = Node("a");
        node.Status.Conditions.Add(Condition("MemoryPressure", "False", "KubeletHasSufficientMemory"));
        node.Status.Conditions.Add(Condition("NetworkUnavailable", "False", "RouteCreated"));
        var now = Start.AddMinutes(5);

        var conditions = NodeHealthPolicy.Assess(node, Lease("a", Start), now, Options).Conditions!;

        conditions.Select(c => (c.Type, c.Status, c.Reason, c.Message)).Should().Equal(
            ("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
            ("MemoryPressure", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
            ("NetworkUnavailable", "False", "RouteCreated", "NetworkUnavailable is False"),
            ("DiskPressure", "Unknown", "NodeStatusNeverUpdated", "Kubelet never posted node status."),
            ("PIDPressure", "Unknown", "NodeStatusNeverUpdated", "Kubelet never posted node status."));
        conditions[0].LastTransitionTime.Should().Be(now.UtcDateTime);
        conditions[0].LastHeartbeatTime.Should().Be(Start.UtcDateTime, "the last heartbeat stays the kubelet's");
        conditions[3].LastHeartbeatTime.Should().Be(Start.UtcDateTime, "a condition the kubelet never posted dates from the node's creation");
        node.Status.Conditions[0].Status.Should().Be("True", "the cached node is not modified");
    }

    [Fact]
    public void Nothing_is_written_again_once_the_conditions_are_Unknown()
    {
        var node = Node("a");
        node.Status.Conditions = NodeHealthPolicy.Assess(node, null, Start.AddMinutes(5), Options).Conditions;

        var again = NodeHealthPolicy.Assess(node, null, Start.AddMinutes(6), Options);

        again.Stale.Should().BeTrue();
        again.Conditions.Should().BeNull();
    }

    [Fact]
    public void The_Ready_heartbeat_counts_like_a_lease_renewal()
    {
        var node = Node("a");
        node.Status.Conditions[0].LastHeartbeatTime = Start.AddSeconds(30).UtcDateTime;

        NodeHealthPolicy.Assess(node, Lease("a", Start), Start.AddSeconds(60), Options).Stale.Should().BeFalse();
        NodeHealthPolicy.Assess(node, Lease("a", Start), Start.AddSeconds(71), Options).Stale.Should().BeTrue();
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(61, true)]
    public void A_node_that_never_posted_Ready_gets_the_startup_grace_from_its_creation(int now, bool stale)
    {
        var health = NodeHealthPolicy.Assess(Node("a", ready: ""), null, Start.AddSeconds(now), Options);

        health.Stale.Should().Be(stale);
        if (stale)
        {
            health.Conditions!.Single(c => c.Type == "Ready").Should().BeEquivalentTo(new
            {
                Status = "Unknown",
                Reason = "NodeStatusNeverUpdated",
                Message = "Kubelet never posted node status.",
            });
        }
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("Unknown", true)]
    [InlineData("False", false)]
    [InlineData(null, false)]
    public void Only_an_existing_Ready_condition_that_is_not_False_is_turned_False(string? ready, bool needed)
    {
        var pod = Pod("p", node: "a");
        pod.Status.Conditions = ready is null ? null : [new V1PodCondition { Type = "Ready", Status = ready }];

        NodeHealthPolicy.PodNeedsNotReady(pod).Should().Be(needed);
    }

    internal static V1Lease Lease(string node, DateTimeOffset renewed) => new()
    {
        Metadata = new V1ObjectMeta { Name = node, NamespaceProperty = "kube-node-lease" },
        Spec = new V1LeaseSpec { HolderIdentity = node, LeaseDurationSeconds = 40, RenewTime = renewed.UtcDateTime },
    };
}
