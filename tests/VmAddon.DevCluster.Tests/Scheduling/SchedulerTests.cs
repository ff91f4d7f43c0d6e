using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using VmAddon.DevCluster.Scheduling;
using Xunit.Abstractions;
using static VmAddon.DevCluster.Tests.Scheduling.SchedulingObjects;

namespace VmAddon.DevCluster.Tests.Scheduling;

/// <summary>The scheduler against a real dev API server over KubernetesClient: bindings, unschedulable pods, and retries when the cluster changes.</summary>
public sealed class SchedulerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LoopCluster _cluster = null!;

    private IKubernetes Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await LoopCluster.StartAsync();
        var scheduler = new Scheduler(_cluster.Client, new SchedulerOptions { ReportingInstance = "default-scheduler-test" }, new TestOutputLogger(output, "scheduler"));
        _cluster.Run(scheduler.RunAsync);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Pending_pods_are_bound_to_nodes_that_fit_through_the_binding_subresource()
    {
        await _cluster.CreateNodeAsync(Node("small", cpu: "1"));
        await _cluster.CreateNodeAsync(Node("big", labels: new Dictionary<string, string> { ["disk"] = "ssd" }));
        await _cluster.CreateNodeAsync(Node("cordoned", cpu: "64", cordoned: true));
        await _cluster.CreateNodeAsync(Node("not-ready", cpu: "64", ready: "False"));

        await _cluster.CreatePodAsync(Pod("ssd", nodeSelector: new Dictionary<string, string> { ["disk"] = "ssd" }));
        await _cluster.CreatePodAsync(Pod("two-cpus", cpu: "2"));
        await _cluster.CreatePodAsync(Pod("tolerant", nodeSelector: new Dictionary<string, string> { ["kubernetes.io/hostname"] = "not-ready" },
            tolerations: [Tolerate("node.kubernetes.io/not-ready", "NoSchedule")]));

        await Eventually.UntilAsync(async () => (await Client.CoreV1.ListNamespacedPodAsync("default")).Items.All(p => !string.IsNullOrEmpty(p.Spec.NodeName)), "all pods bound");
        var pods = (await Client.CoreV1.ListNamespacedPodAsync("default")).Items.ToDictionary(p => p.Metadata.Name, p => p);
        pods["ssd"].Spec.NodeName.Should().Be("big");
        pods["two-cpus"].Spec.NodeName.Should().Be("big");
        pods["tolerant"].Spec.NodeName.Should().Be("not-ready");
        pods["ssd"].Status.Conditions.Should().ContainSingle(c => c.Type == "PodScheduled").Which.Status.Should().Be("True");

        await Eventually.UntilAsync(async () => (await Events("ssd")).Any(e => e.Reason == "Scheduled"), "a Scheduled event");
        (await Events("ssd")).Single(e => e.Reason == "Scheduled").Should().BeEquivalentTo(new
        {
            Type = "Normal",
            Action = "Binding",
            Note = "Successfully assigned default/ssd to big",
            ReportingController = "default-scheduler",
            ReportingInstance = "default-scheduler-test",
        });
    }

    [Fact]
    public async Task A_pod_no_node_fits_stays_Pending_with_kubes_condition_and_event_until_a_node_that_fits_arrives()
    {
        await _cluster.CreateNodeAsync(Node("a"));
        await _cluster.CreateNodeAsync(Node("b"));
        await _cluster.CreatePodAsync(Pod("picky", nodeSelector: new Dictionary<string, string> { ["disk"] = "ssd" }));
        const string message = "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. "
            + "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";

        // The scheduler may see the pod before a node's status (the two watches are not ordered), so wait for the settled message.
        await Eventually.UntilAsync(async () => Scheduled(await _cluster.FindPodAsync("picky"))?.Message == message, "PodScheduled=False with the message");
        await Eventually.UntilAsync(async () => (await Events("picky")).Any(e => e.Reason == "FailedScheduling" && e.Note == message), "a FailedScheduling event");

        var pod = (await _cluster.FindPodAsync("picky"))!;
        pod.Status.Phase.Should().Be("Pending");
        pod.Spec.NodeName.Should().BeNullOrEmpty();
        Scheduled(pod).Should().BeEquivalentTo(new { Status = "False", Reason = "Unschedulable", Message = message });
        var failed = (await Events("picky")).First(e => e.Reason == "FailedScheduling" && e.Note == message);
        failed.Should().BeEquivalentTo(new { Type = "Warning", Action = "Scheduling", ReportingController = "default-scheduler" });
        failed.Regarding.Should().BeEquivalentTo(new { Kind = "Pod", Name = "picky", NamespaceProperty = "default", Uid = pod.Metadata.Uid });
        failed.EventTime.Should().NotBeNull();
        var core = (await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=picky")).Items;
        core.Should().Contain(e => e.Reason == "FailedScheduling" && e.Message == message && e.Type == "Warning", "kubectl describe reads the same event as core/v1");

        // A node change retries the pod; the same failure again counts in that event's series rather than making another.
        var label = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["rack"] = "r1" } } };
        await Client.CoreV1.PatchNodeAsync(new V1Patch(label.ToJsonString(), V1Patch.PatchType.MergePatch), "a");
        await Eventually.UntilAsync(async () => (await Events("picky")).Any(e => e.Note == message && e.Series?.Count >= 2), "the event's series counting the retry");
        (await Events("picky")).Where(e => e.Reason == "FailedScheduling" && e.Note == message).Should().ContainSingle();

        await _cluster.CreateNodeAsync(Node("c", labels: new Dictionary<string, string> { ["disk"] = "ssd" }));

        await Eventually.UntilAsync(async () => (await _cluster.FindPodAsync("picky"))?.Spec.NodeName == "c", "the pod bound to the new node");
    }

    [Fact]
    public async Task A_pod_waiting_for_room_is_bound_once_a_bound_pod_finishes()
    {
        await _cluster.CreateNodeAsync(Node("a", cpu: "1"));
        await _cluster.CreatePodAsync(Pod("first", cpu: "800m"));
        await Eventually.UntilAsync(async () => (await _cluster.FindPodAsync("first"))?.Spec.NodeName == "a", "the first pod bound");
        await _cluster.CreatePodAsync(Pod("second", cpu: "500m"));

        await Eventually.UntilAsync(async () => Scheduled(await _cluster.FindPodAsync("second"))?.Message?.Contains("Insufficient cpu", StringComparison.Ordinal) == true, "the second pod unschedulable");
        Scheduled(await _cluster.FindPodAsync("second"))!.Message.Should().Be(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");

        var done = new JsonObject { ["status"] = new JsonObject { ["phase"] = "Succeeded" } };
        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(done.ToJsonString(), V1Patch.PatchType.MergePatch), "first", "default");

        await Eventually.UntilAsync(async () => (await _cluster.FindPodAsync("second"))?.Spec.NodeName == "a", "the second pod bound");
    }

    [Fact]
    public async Task Pods_of_another_scheduler_and_gated_pods_are_left_alone()
    {
        await _cluster.CreateNodeAsync(Node("a"));
        var other = Pod("other");
        other.Spec.SchedulerName = "my-scheduler";
        await _cluster.CreatePodAsync(other);
        var gated = Pod("gated");
        gated.Spec.SchedulingGates = [new V1PodSchedulingGate { Name = "example.com/wait" }];
        await _cluster.CreatePodAsync(gated);
        await _cluster.CreatePodAsync(Pod("mine"));

        await Eventually.UntilAsync(async () => (await _cluster.FindPodAsync("mine"))?.Spec.NodeName == "a", "our pod bound");

        (await _cluster.FindPodAsync("other"))!.Spec.NodeName.Should().BeNullOrEmpty();
        (await _cluster.FindPodAsync("gated"))!.Spec.NodeName.Should().BeNullOrEmpty();
    }

    private static V1PodCondition? Scheduled(V1Pod? pod) => pod?.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");

    private async Task<IList<Eventsv1Event>> Events(string pod) =>
        (await Client.EventsV1.ListNamespacedEventAsync("default")).Items.Where(e => e.Regarding?.Name == pod).ToList();
}
