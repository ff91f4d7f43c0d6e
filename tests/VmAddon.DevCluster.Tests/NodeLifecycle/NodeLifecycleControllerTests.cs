using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using VmAddon.DevCluster.NodeLifecycle;
using VmAddon.DevCluster.Tests.Scheduling;
using Xunit.Abstractions;
using static VmAddon.DevCluster.Tests.Scheduling.SchedulingObjects;

namespace VmAddon.DevCluster.Tests.NodeLifecycle;

/// <summary>The node lifecycle controller against a real dev API server: lost leases, taints, pod readiness, taint eviction and out-of-service nodes.</summary>
public sealed class NodeLifecycleControllerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Unreachable = "node.kubernetes.io/unreachable";

    private LoopCluster _cluster = null!;

    private IKubernetes Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await LoopCluster.StartAsync();
        // Test kubelets renew every 200 ms; a 2 s grace leaves room for a loaded machine.
        var options = new NodeLifecycleOptions { GracePeriod = TimeSpan.FromSeconds(2), MonitorPeriod = TimeSpan.FromMilliseconds(200) };
        _cluster.Run(new NodeLifecycleController(_cluster.Client, options, new TestOutputLogger(output, "node-lifecycle")).RunAsync);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_node_whose_lease_expires_goes_Unknown_is_tainted_and_its_pods_go_not_ready_then_are_evicted_by_their_tolerations()
    {
        await _cluster.CreateNodeAsync(Node("lost"));
        await _cluster.RenewLeaseAsync("lost");
        await _cluster.CreateNodeAsync(Node("alive"));
        using var kubelet = new CancellationTokenSource();
        var renewing = RenewUntilAsync("alive", kubelet.Token);
        await _cluster.CreatePodAsync(Pod("quick", node: "lost", tolerations: [Tolerate(Unreachable, "NoExecute", seconds: 1)]));
        await _cluster.CreatePodAsync(Pod("forever", node: "lost", tolerations: [Tolerate(Unreachable, "NoExecute")]));
        await _cluster.CreatePodAsync(Pod("defaults", node: "lost"));
        await _cluster.CreatePodAsync(Pod("elsewhere", node: "alive"));

        await Eventually.UntilAsync(async () => ReadyOf(await Client.CoreV1.ReadNodeAsync("lost"))?.Status == "Unknown", "the lost node Unknown");
        var lost = await Client.CoreV1.ReadNodeAsync("lost");
        ReadyOf(lost).Should().BeEquivalentTo(new { Status = "Unknown", Reason = "NodeStatusUnknown", Message = "Kubelet stopped posting node status." });
        lost.Status.Conditions.Where(c => c.Type is "MemoryPressure" or "DiskPressure" or "PIDPressure").Should().HaveCount(3).And.OnlyContain(c => c.Status == "Unknown");
        await Eventually.UntilAsync(async () => (await Client.CoreV1.ReadNodeAsync("lost")).Spec.Taints?.Count == 2, "the unreachable taints");
        (await Client.CoreV1.ReadNodeAsync("lost")).Spec.Taints.Select(t => (t.Key, t.Effect, HasTime: t.TimeAdded is not null)).Should().BeEquivalentTo(
            [(Unreachable, "NoSchedule", true), (Unreachable, "NoExecute", true)]);

        await Eventually.UntilAsync(async () => (await PodsOn("lost")).All(p => PodReady(p) == "False"), "the lost node's pods not ready");
        await Eventually.UntilAsync(async () => (await _cluster.FindPodAsync("quick"))?.Metadata.DeletionTimestamp is not null, "the pod tolerating 1 s evicted");

        var quick = (await _cluster.FindPodAsync("quick"))!;
        quick.Status.Conditions.Should().Contain(c => c.Type == "DisruptionTarget" && c.Reason == "DeletionByTaintManager");
        quick.Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "False", "conditions are patched by type, not replaced");
        (await _cluster.FindPodAsync("forever"))!.Metadata.DeletionTimestamp.Should().BeNull("it tolerates the taint without tolerationSeconds");
        (await _cluster.FindPodAsync("defaults"))!.Metadata.DeletionTimestamp.Should().BeNull("the default toleration lasts 300 s");
        var elsewhere = (await _cluster.FindPodAsync("elsewhere"))!;
        PodReady(elsewhere).Should().Be("True");
        elsewhere.Metadata.DeletionTimestamp.Should().BeNull();
        (await Client.CoreV1.ReadNodeAsync("alive")).Spec.Taints.Should().BeNullOrEmpty();
        var events = (await Client.CoreV1.ListNamespacedEventAsync("default")).Items;
        events.Should().Contain(e => e.Reason == "TaintManagerEviction" && e.InvolvedObject.Name == "quick" && e.Message == "Marking for deletion Pod default/quick");
        events.Should().Contain(e => e.Reason == "NodeNotReady" && e.InvolvedObject.Name == "forever" && e.Type == "Warning");

        // The kubelet comes back: it renews its lease and posts Ready=True; the controller takes its taints away.
        await _cluster.RenewLeaseAsync("lost");
        await _cluster.SetNodeStatusAsync("lost", Node("lost").Status);
        await Eventually.UntilAsync(async () => (await Client.CoreV1.ReadNodeAsync("lost")).Spec.Taints is null or { Count: 0 }, "the taints removed");
        ReadyOf(await Client.CoreV1.ReadNodeAsync("lost"))!.Status.Should().Be("True");

        await kubelet.CancelAsync();
        await renewing;
    }

    [Fact]
    public async Task A_node_reporting_NotReady_gets_the_not_ready_taints()
    {
        await _cluster.CreateNodeAsync(Node("sick", ready: "False"));
        await _cluster.RenewLeaseAsync("sick");

        await Eventually.UntilAsync(async () => (await Client.CoreV1.ReadNodeAsync("sick")).Spec.Taints?.Count == 2, "the not-ready taints");

        (await Client.CoreV1.ReadNodeAsync("sick")).Spec.Taints.Select(t => $"{t.Key}:{t.Effect}").Should().BeEquivalentTo(
            "node.kubernetes.io/not-ready:NoSchedule", "node.kubernetes.io/not-ready:NoExecute");
    }

    [Fact]
    public async Task Pods_on_a_lost_node_marked_out_of_service_are_force_deleted_and_no_others()
    {
        await _cluster.CreateNodeAsync(Node("down"));
        await _cluster.RenewLeaseAsync("down", DateTime.UtcNow.AddMinutes(-5));
        await _cluster.CreateNodeAsync(Node("up"));
        using var kubelet = new CancellationTokenSource();
        var renewing = RenewUntilAsync("up", kubelet.Token);
        await _cluster.CreatePodAsync(Pod("db", node: "down"));
        await _cluster.CreatePodAsync(Pod("tolerant", node: "down", tolerations: [Tolerate(Unreachable, "NoExecute")]));
        await _cluster.CreatePodAsync(Pod("web", node: "up"));
        await Eventually.UntilAsync(async () => (await Client.CoreV1.ReadNodeAsync("down")).Spec.Taints?.Count == 2, "the unreachable taints");

        var node = await Client.CoreV1.ReadNodeAsync("down");
        var taints = new JsonArray([.. node.Spec.Taints.Select(t => JsonNode.Parse(KubernetesJson.Serialize(t))), new JsonObject
        {
            ["key"] = "node.kubernetes.io/out-of-service",
            ["value"] = "nodeshutdown",
            ["effect"] = "NoExecute",
        }]);
        var patch = new JsonObject { ["spec"] = new JsonObject { ["taints"] = taints } };
        await Client.CoreV1.PatchNodeAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), "down");

        await Eventually.UntilAsync(async () => await _cluster.FindPodAsync("db") is null && await _cluster.FindPodAsync("tolerant") is null, "the pods on the out-of-service node gone");
        var web = await _cluster.FindPodAsync("web");
        web.Should().NotBeNull();
        web!.Metadata.DeletionTimestamp.Should().BeNull();

        await kubelet.CancelAsync();
        await renewing;
    }

    private static V1NodeCondition? ReadyOf(V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    private static string? PodReady(V1Pod pod) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;

    private async Task<IList<V1Pod>> PodsOn(string node) => (await Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: $"spec.nodeName={node}")).Items;

    // A kubelet's lease renewal loop, faster than the test's grace period.
    private async Task RenewUntilAsync(string node, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _cluster.RenewLeaseAsync(node);
            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
