using k8s.Models;
using VmAddon.DevCluster.Scheduling;
using static VmAddon.DevCluster.Tests.Scheduling.SchedulingObjects;

namespace VmAddon.DevCluster.Tests.Scheduling;

/// <summary>Where <see cref="SchedulingPolicy"/> puts a pod, and kube-scheduler's message when nothing fits.</summary>
public sealed class SchedulingPolicyTests
{
    private const string NotHelpful = "Preemption is not helpful for scheduling";
    private const string NoVictims = "No preemption victims found for incoming pod";

    [Fact]
    public void A_pod_goes_to_the_node_with_the_most_room_left_and_ties_go_to_the_first_name()
    {
        var nodes = new[] { Node("b"), Node("a"), Node("c", cpu: "8", memory: "16Gi") };

        SchedulingPolicy.Decide(Pod("p"), nodes, []).Node.Should().Be("c");
        SchedulingPolicy.Decide(Pod("p"), nodes.Take(2).ToList(), []).Node.Should().Be("a");
    }

    [Fact]
    public void Pods_spread_across_nodes_by_what_is_already_requested_there()
    {
        var nodes = new[] { Node("a"), Node("b") };
        var onA = Pod("x", cpu: "1", memory: "1Gi", node: "a");

        SchedulingPolicy.Decide(Pod("p", cpu: "1", memory: "1Gi"), nodes, [onA]).Node.Should().Be("b");
        SchedulingPolicy.Decide(Pod("p"), nodes, [Pod("y", node: "a")]).Node.Should().Be("b", "a pod without requests still counts 100m cpu and 200Mi for spreading");
    }

    [Fact]
    public void No_node_at_all_gives_kubes_no_nodes_message()
    {
        var decision = SchedulingPolicy.Decide(Pod("p"), [], []);

        decision.Node.Should().BeNull();
        decision.Message.Should().Be("no nodes available to schedule pods");
    }

    [Fact]
    public void The_message_counts_each_reason_over_nodes_and_adds_the_preemption_verdict()
    {
        var nodes = new[]
        {
            Node("small", cpu: "1", labels: new Dictionary<string, string> { ["zone"] = "a" }),
            Node("other", labels: new Dictionary<string, string> { ["zone"] = "b" }),
        };
        var pod = Pod("p", cpu: "2", nodeSelector: new Dictionary<string, string> { ["zone"] = "a" });

        var decision = SchedulingPolicy.Decide(pod, nodes, []);

        decision.Node.Should().BeNull();
        decision.Message.Should().Be(
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. "
            + $"preemption: 0/2 nodes are available: 1 {NoVictims}, 1 {NotHelpful}.");
    }

    [Fact]
    public void Nodes_rejected_for_good_make_preemption_not_helpful()
    {
        var nodes = new[] { Node("a"), Node("b") };
        var pod = Pod("p", nodeSelector: new Dictionary<string, string> { ["disk"] = "ssd" });

        SchedulingPolicy.Decide(pod, nodes, []).Message.Should().Be(
            $"0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 {NotHelpful}.");
    }

    [Fact]
    public void A_pod_that_may_not_preempt_says_so()
    {
        var pod = Pod("p", cpu: "9");
        pod.Spec.PreemptionPolicy = "Never";

        SchedulingPolicy.Decide(pod, [Node("a")], []).Message.Should().Be(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.");
    }

    [Fact]
    public void Counts_sort_as_text_like_kubes_histogram()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => Node($"n{i}", cpu: "1")).Append(Node("t1", cordoned: true)).Append(Node("t2", cordoned: true)).ToList();

        SchedulingPolicy.Decide(Pod("p", cpu: "2"), nodes, []).Message.Should().Be(
            $"0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable. preemption: 0/12 nodes are available: 10 {NoVictims}, 2 {NotHelpful}.");
    }

    [Theory]
    [InlineData("2", "8Gi", "110", "Insufficient cpu")]
    [InlineData("500m", "20Gi", "110", "Insufficient memory")]
    [InlineData("2", "20Gi", "110", "Insufficient cpu, Insufficient memory")]
    [InlineData("100m", "1Mi", "1", "Too many pods")]
    public void Requests_must_fit_in_allocatable_minus_what_unfinished_pods_request(string cpu, string memory, string podLimit, string reasons)
    {
        var node = Node("a", cpu: "4", memory: "16Gi", pods: podLimit);
        var bound = new[]
        {
            Pod("running", cpu: "3", memory: "4Gi", node: "a"),
            Pod("done", cpu: "4", memory: "16Gi", node: "a", phase: "Succeeded"),
        };
        bound[0].Metadata.DeletionTimestamp = Start.UtcDateTime;

        var decision = SchedulingPolicy.Decide(Pod("p", cpu: cpu, memory: memory), [node], bound);

        decision.Node.Should().BeNull();
        decision.Rejections["a"].Reasons.Should().Equal(reasons.Split(", "));
        decision.Message.Should().StartWith($"0/1 nodes are available: {string.Join(", ", reasons.Split(", ").Select(r => $"1 {r}"))}. ");
    }

    [Fact]
    public void Finished_pods_free_their_room_and_a_pod_that_fits_exactly_fits()
    {
        var bound = new[] { Pod("done", cpu: "4", node: "a", phase: "Failed"), Pod("half", cpu: "2", node: "a") };

        SchedulingPolicy.Decide(Pod("p", cpu: "2"), [Node("a", cpu: "4")], bound).Node.Should().Be("a");
    }

    [Fact]
    public void Extended_resources_must_be_offered_by_the_node()
    {
        var pod = Pod("p");
        pod.Spec.Containers[0].Resources.Limits = new Dictionary<string, ResourceQuantity> { ["devices.kubevirt.io/kvm"] = new("1") };
        var kvm = Node("kvm");
        kvm.Status.Allocatable["devices.kubevirt.io/kvm"] = new ResourceQuantity("110");

        SchedulingPolicy.Decide(pod, [Node("plain"), kvm], []).Node.Should().Be("kvm", "a limit without a request is also the request, as kube-apiserver defaults it");
        SchedulingPolicy.Decide(pod, [Node("plain")], []).Message.Should().StartWith("0/1 nodes are available: 1 Insufficient devices.kubevirt.io/kvm.");
    }

    [Fact]
    public void A_cordoned_node_takes_only_pods_tolerating_the_unschedulable_taint()
    {
        var node = Node("a", cordoned: true);

        SchedulingPolicy.Decide(Pod("p"), [node], []).Rejections["a"].Reasons.Should().Equal("node(s) were unschedulable");
        SchedulingPolicy.Decide(Pod("p", tolerations: [Tolerate("node.kubernetes.io/unschedulable", "NoSchedule")]), [node], []).Node.Should().Be("a");
    }

    [Theory]
    [InlineData("NoSchedule", false)]
    [InlineData("NoExecute", false)]
    [InlineData("PreferNoSchedule", true)]
    public void Untolerated_NoSchedule_and_NoExecute_taints_keep_pods_off(string effect, bool fits)
    {
        var node = Node("a", taints: [Taint("dedicated", effect, "gpu")]);

        var decision = SchedulingPolicy.Decide(Pod("p"), [node], []);

        decision.Node.Should().Be(fits ? "a" : null);
        if (!fits)
        {
            decision.Message.Should().StartWith("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. ");
        }
    }

    [Theory]
    [InlineData("dedicated", "Equal", "gpu", "NoSchedule", true)]
    [InlineData("dedicated", null, "gpu", null, true)]
    [InlineData("dedicated", "Equal", "cpu", "NoSchedule", false)]
    [InlineData("dedicated", "Exists", null, "NoSchedule", true)]
    [InlineData("dedicated", "Exists", null, "NoExecute", false)]
    [InlineData(null, "Exists", null, null, true)]
    [InlineData("other", "Exists", null, null, false)]
    public void Tolerations_match_taints_as_in_kubernetes(string? key, string? op, string? value, string? effect, bool fits)
    {
        var node = Node("a", taints: [Taint("dedicated", "NoSchedule", "gpu")]);

        SchedulingPolicy.Decide(Pod("p", tolerations: [Tolerate(key, effect, op, value)]), [node], []).Node.Should().Be(fits ? "a" : null);
    }

    [Theory]
    [InlineData("False", "node.kubernetes.io/not-ready")]
    [InlineData("Unknown", "node.kubernetes.io/unreachable")]
    [InlineData("", "node.kubernetes.io/not-ready")]
    public void A_node_that_is_not_Ready_counts_as_tainted_like_the_node_lifecycle_controller_would(string ready, string taint)
    {
        var node = Node("a", ready: ready);

        SchedulingPolicy.Decide(Pod("p"), [node], []).Message.Should().StartWith($"0/1 nodes are available: 1 node(s) had untolerated taint {{{taint}: }}. ");
        SchedulingPolicy.Decide(Pod("p", tolerations: [Tolerate(taint, "NoSchedule")]), [node], []).Node.Should().Be("a");
    }

    [Fact]
    public void The_first_failing_filter_in_kubes_order_names_the_reason()
    {
        var node = Node("a", cpu: "1", cordoned: true, taints: [Taint("x", "NoSchedule")]);
        var pod = Pod("p", cpu: "2", nodeSelector: new Dictionary<string, string> { ["zone"] = "a" });

        SchedulingPolicy.Decide(pod, [node], []).Rejections["a"].Reasons.Should().Equal("node(s) were unschedulable");
        node.Spec.Unschedulable = null;
        SchedulingPolicy.Decide(pod, [node], []).Rejections["a"].Reasons.Should().Equal("node(s) had untolerated taint {x: }");
        node.Spec.Taints = null;
        SchedulingPolicy.Decide(pod, [node], []).Rejections["a"].Reasons.Should().Equal("node(s) didn't match Pod's node affinity/selector");
        pod.Spec.NodeSelector = null;
        SchedulingPolicy.Decide(pod, [node], []).Rejections["a"].Reasons.Should().Equal("Insufficient cpu");
    }

    [Theory]
    [InlineData("In", "ssd,nvme", true)]
    [InlineData("In", "hdd", false)]
    [InlineData("NotIn", "hdd", true)]
    [InlineData("NotIn", "ssd", false)]
    [InlineData("Exists", "", true)]
    [InlineData("DoesNotExist", "", false)]
    [InlineData("Gt", "4", true)]
    [InlineData("Gt", "8", false)]
    [InlineData("Lt", "9", true)]
    [InlineData("Lt", "8", false)]
    [InlineData("Exists", "ssd", false)]
    [InlineData("In", "", false)]
    [InlineData("Gt", "x", false)]
    [InlineData("Near", "ssd", false)]
    public void Required_node_affinity_operators_match_labels(string op, string values, bool fits)
    {
        var key = op is "Gt" or "Lt" ? "cores" : "disk";
        var node = Node("a", labels: new Dictionary<string, string> { ["disk"] = "ssd", ["cores"] = "8" });
        var pod = Pod("p", affinity: Requires(Labels(Requirement(key, op, values.Length == 0 ? [] : values.Split(',')))));

        SchedulingPolicy.Decide(pod, [node], []).Node.Should().Be(fits ? "a" : null);
    }

    [Fact]
    public void DoesNotExist_and_NotIn_match_nodes_without_the_label()
    {
        var pod = Pod("p", affinity: Requires(Labels(Requirement("gpu", "DoesNotExist"), Requirement("disk", "NotIn", "hdd"))));

        SchedulingPolicy.Decide(pod, [Node("a")], []).Node.Should().Be("a");
    }

    [Fact]
    public void Terms_are_ORed_expressions_ANDed_and_an_empty_or_invalid_term_matches_nothing()
    {
        var nodes = new[] { Node("a", labels: new Dictionary<string, string> { ["zone"] = "a" }), Node("b", labels: new Dictionary<string, string> { ["zone"] = "b" }) };

        SchedulingPolicy.Decide(Pod("p", affinity: Requires(Labels(Requirement("zone", "In", "z")), Labels(Requirement("zone", "In", "b")))), nodes, []).Node.Should().Be("b");
        SchedulingPolicy.Decide(Pod("p", affinity: Requires(Labels(Requirement("zone", "In", "a"), Requirement("zone", "In", "b")))), nodes, []).Node.Should().BeNull();
        SchedulingPolicy.Decide(Pod("p", affinity: Requires(new V1NodeSelectorTerm())), nodes, []).Node.Should().BeNull();
        SchedulingPolicy.Decide(Pod("p", affinity: Requires(Labels(Requirement("zone", "In")), Labels(Requirement("zone", "In", "a")))), nodes, []).Node.Should().Be("a");
        SchedulingPolicy.Decide(Pod("p", affinity: Requires()), nodes, []).Node.Should().BeNull();
    }

    [Fact]
    public void Node_selector_and_node_affinity_must_both_hold()
    {
        var nodes = new[] { Node("a", labels: new Dictionary<string, string> { ["zone"] = "a" }), Node("b", labels: new Dictionary<string, string> { ["zone"] = "b", ["disk"] = "ssd" }) };
        var pod = Pod("p", nodeSelector: new Dictionary<string, string> { ["disk"] = "ssd" }, affinity: Requires(Labels(Requirement("zone", "In", "a", "b"))));

        SchedulingPolicy.Decide(pod, nodes, []).Node.Should().Be("b");
    }

    [Fact]
    public void MatchFields_pin_node_names_and_other_nodes_are_left_out_by_the_prefilter()
    {
        var nodes = new[] { Node("a"), Node("b"), Node("c", cpu: "100m") };
        var pinned = Pod("p", cpu: "1", affinity: Requires(Fields(Requirement("metadata.name", "In", "c"))));
        var notB = Pod("q", affinity: Requires(Fields(Requirement("metadata.name", "NotIn", "a"))));

        SchedulingPolicy.Decide(Pod("x", affinity: Requires(Fields(Requirement("metadata.name", "In", "b")))), nodes, []).Node.Should().Be("b");
        SchedulingPolicy.Decide(notB, nodes.Take(2).ToList(), []).Node.Should().Be("b");
        SchedulingPolicy.Decide(pinned, nodes, []).Message.Should().Be(
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. "
            + $"preemption: 0/3 nodes are available: 1 {NoVictims}, 2 {NotHelpful}.");
    }

    [Fact]
    public void MatchFields_naming_different_nodes_in_one_term_conflict()
    {
        var pod = Pod("p", affinity: Requires(new V1NodeSelectorTerm
        {
            MatchFields = [Requirement("metadata.name", "In", "a"), Requirement("metadata.name", "In", "b")],
        }));

        SchedulingPolicy.Decide(pod, [Node("a"), Node("b")], []).Message.Should().Be(
            $"0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 {NotHelpful}.");
    }

    [Fact]
    public void A_host_port_is_taken_once_per_node_and_address()
    {
        static V1Pod WithPort(string name, int port, string? node = null, string? hostIp = null)
        {
            var pod = Pod(name, node: node);
            pod.Spec.Containers[0].Ports = [new V1ContainerPort { ContainerPort = 80, HostPort = port, HostIP = hostIp }];
            return pod;
        }

        var bound = new[] { WithPort("web", 8080, node: "a", hostIp: "127.0.0.1") };

        SchedulingPolicy.Decide(WithPort("p", 8080), [Node("a"), Node("b")], bound).Node.Should().Be("b");
        SchedulingPolicy.Decide(WithPort("p", 8081), [Node("a")], bound).Node.Should().Be("a");
        SchedulingPolicy.Decide(WithPort("p", 8080, hostIp: "127.0.0.2"), [Node("a")], bound).Node.Should().Be("a");
        SchedulingPolicy.Decide(WithPort("p", 8080), [Node("a")], bound).Message.Should().Be(
            $"0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 {NoVictims}.");
    }
}
