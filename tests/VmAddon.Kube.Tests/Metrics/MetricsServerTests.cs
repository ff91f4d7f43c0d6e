using System.Net;
using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Metrics;
using VmAddon.Kube.Tests.Clients;

namespace VmAddon.Kube.Tests.Metrics;

public sealed class MetricsServerTests(KubeCluster cluster) : IClassFixture<KubeCluster>
{
    [Fact]
    public async Task Metrics_Health_And_Readiness_Are_Served_Over_Http()
    {
        var ready = false;
        await using var server = await MetricsServer.StartAsync(new MetricsServerOptions { Address = IPAddress.Loopback, Port = 0 }, () => ready, default);
        using var metrics = new VmAddonMetrics();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        metrics.RecordReconcile("vm", "success", TimeSpan.FromMilliseconds(20));
        metrics.RecordReconcile("vm", "success", TimeSpan.FromMilliseconds(30));
        metrics.RecordReconcile("vmi", "error", TimeSpan.FromSeconds(2));
        metrics.RecordPhaseTransition(VirtualMachineInstancePhase.Running, TimeSpan.FromSeconds(7));
        long depth = 3;
        var queue = metrics.RegisterQueueDepth("virtualmachine", () => depth);

        using (var client = new Kubernetes(cluster.Config, new ApiRequestMetricsHandler(metrics)))
        {
            var ns = await cluster.NewNamespaceAsync();
            var vms = new CustomResourceClient<VirtualMachine>(client);
            await vms.CreateAsync(new VirtualMachine { Metadata = new V1ObjectMeta { Name = "m", NamespaceProperty = ns } }, default);
            await vms.GetAsync(ns, "m", default);
            await vms.GetAsync(ns, "missing", default);
            await vms.ListAsync(ns, null, default);
        }

        var text = await http.GetStringAsync("/metrics");
        text.Should().Contain("vmaddon_reconcile_total{controller=\"vm\",result=\"success\"} 2");
        text.Should().Contain("vmaddon_reconcile_total{controller=\"vmi\",result=\"error\"} 1");
        text.Should().Contain("vmaddon_reconcile_duration_seconds_count{controller=\"vm\",result=\"success\"} 2");
        text.Should().Contain("vmaddon_vmi_phase_transition_seconds_bucket{phase=\"Running\",le=\"10\"} 1");
        text.Should().Contain("vmaddon_vmi_phase_transition_seconds_count{phase=\"Running\"} 1");
        text.Should().Contain("vmaddon_workqueue_depth{name=\"virtualmachine\"} 3");
        text.Should().Contain("vmaddon_api_requests_total{code=\"201\",resource=\"virtualmachines\",verb=\"create\"} 1");
        text.Should().Contain("vmaddon_api_requests_total{code=\"200\",resource=\"virtualmachines\",verb=\"get\"} 1");
        text.Should().Contain("vmaddon_api_requests_total{code=\"404\",resource=\"virtualmachines\",verb=\"get\"} 1");
        text.Should().Contain("vmaddon_api_requests_total{code=\"200\",resource=\"virtualmachines\",verb=\"list\"} 1");

        depth = 5;
        (await http.GetStringAsync("/metrics")).Should().Contain("vmaddon_workqueue_depth{name=\"virtualmachine\"} 5");
        queue.Dispose();
        (await http.GetStringAsync("/metrics")).Should().NotContain("vmaddon_workqueue_depth{name=\"virtualmachine\"}");

        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready = true;
        (await http.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/apis/vmaddon.io/v1alpha1/namespaces/ns/virtualmachines/vm", "get", "virtualmachines")]
    [InlineData("GET", "/apis/vmaddon.io/v1alpha1/namespaces/ns/virtualmachines", "list", "virtualmachines")]
    [InlineData("GET", "/apis/vmaddon.io/v1alpha1/virtualmachineinstances?watch=true&allowWatchBookmarks=true", "watch", "virtualmachineinstances")]
    [InlineData("PUT", "/apis/vmaddon.io/v1alpha1/namespaces/ns/virtualmachineinstances/i/status", "update", "virtualmachineinstances/status")]
    [InlineData("PATCH", "/api/v1/namespaces/ns/pods/p", "patch", "pods")]
    [InlineData("POST", "/api/v1/namespaces/ns/pods", "create", "pods")]
    [InlineData("DELETE", "/api/v1/namespaces/ns", "delete", "namespaces")]
    [InlineData("DELETE", "/api/v1/namespaces/ns/pods", "deletecollection", "pods")]
    [InlineData("GET", "/api/v1/nodes/n1", "get", "nodes")]
    [InlineData("PUT", "/apis/coordination.k8s.io/v1/namespaces/ns/leases/l", "update", "leases")]
    public void Requests_Are_Named_By_Verb_And_Resource(string method, string path, string verb, string resource) =>
        ApiRequestMetricsHandler.Describe(new HttpMethod(method), new Uri("http://h" + path)).Should().Be((verb, resource));
}
