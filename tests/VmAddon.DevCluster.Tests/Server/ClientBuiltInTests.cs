using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmAddon.DevCluster.Tests.Server;

/// <summary>The built-in types' own rules through KubernetesClient: pod defaults, binding, graceful deletion, eviction, leases, CRD conditions.</summary>
[Collection(Conformance.DevApiServerCollection.Name)]
public sealed class ClientBuiltInTests(DevApiServer server)
{
    private readonly Kubernetes _client = server.Client;

    [Fact]
    public async Task A_new_pod_is_pending_with_kubernetes_defaults()
    {
        var ns = await server.NewNamespaceAsync();

        var pod = await _client.CoreV1.CreateNamespacedPodAsync(Pod("p"), ns);

        pod.Status.Phase.Should().Be("Pending");
        pod.Status.QosClass.Should().Be("BestEffort");
        pod.Spec.RestartPolicy.Should().Be("Always");
        pod.Spec.SchedulerName.Should().Be("default-scheduler");
        pod.Spec.TerminationGracePeriodSeconds.Should().Be(30);
        pod.Spec.Containers[0].ImagePullPolicy.Should().Be("Always", "an image without a tag is :latest");
        pod.Spec.Tolerations.Select(t => (t.Key, t.TolerationSeconds)).Should().BeEquivalentTo(new[]
        {
            ("node.kubernetes.io/not-ready", (long?)300),
            ("node.kubernetes.io/unreachable", (long?)300),
        });
    }

    [Fact]
    public async Task Binding_assigns_the_node_once_and_sets_pod_scheduled()
    {
        var ns = await server.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("p"), ns);
        var binding = new V1Binding { Metadata = new V1ObjectMeta { Name = "p" }, Target = new V1ObjectReference { Kind = "Node", Name = "node-a" } };

        await _client.CoreV1.CreateNamespacedPodBindingAsync(binding, "p", ns);
        var again = () => _client.CoreV1.CreateNamespacedPodBindingAsync(binding, "p", ns);
        var pod = await _client.CoreV1.ReadNamespacedPodAsync("p", ns);

        pod.Spec.NodeName.Should().Be("node-a");
        pod.Status.Conditions.Should().ContainSingle(c => c.Type == "PodScheduled" && c.Status == "True");
        (await again.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_pod_on_a_node_waits_for_its_node_to_confirm_deletion_but_an_unbound_pod_goes_at_once()
    {
        var ns = await server.NewNamespaceAsync();
        var bound = Pod("bound");
        bound.Spec.NodeName = "node-a";
        bound.Spec.TerminationGracePeriodSeconds = 45;
        await _client.CoreV1.CreateNamespacedPodAsync(bound, ns);
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("unbound"), ns);

        await _client.CoreV1.DeleteNamespacedPodAsync("unbound", ns);
        await _client.CoreV1.DeleteNamespacedPodAsync("bound", ns);
        var marked = await _client.CoreV1.ReadNamespacedPodAsync("bound", ns);
        await _client.CoreV1.ReplaceNamespacedPodStatusAsync(marked, "bound", ns);
        var stillMarked = await _client.CoreV1.ReadNamespacedPodAsync("bound", ns);
        await _client.CoreV1.DeleteNamespacedPodAsync("bound", ns, gracePeriodSeconds: 0);
        var remaining = await _client.CoreV1.ListNamespacedPodAsync(ns);

        marked.Metadata.DeletionTimestamp.Should().NotBeNull();
        marked.Metadata.DeletionGracePeriodSeconds.Should().Be(45);
        stillMarked.Metadata.DeletionTimestamp.Should().NotBeNull("a status update does not complete a graceful deletion");
        remaining.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Eviction_deletes_the_pod()
    {
        var ns = await server.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("p"), ns);

        await _client.CoreV1.CreateNamespacedPodEvictionAsync(new V1Eviction { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = ns } }, "p", ns);

        (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Pod_spec_is_immutable_apart_from_images()
    {
        var ns = await server.NewNamespaceAsync();
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("p"), ns);

        var image = await _client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox:2\"}]}}", V1Patch.PatchType.StrategicMergePatch), "p", ns);
        var command = () => _client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"spec\":{\"containers\":[{\"name\":\"main\",\"command\":[\"sh\"]}]}}", V1Patch.PatchType.StrategicMergePatch), "p", ns);

        image.Spec.Containers[0].Image.Should().Be("busybox:2");
        var error = (await command.Should().ThrowAsync<HttpOperationException>()).Which;
        ClientWriteTests.Status(error).Message.Should().StartWith("Pod \"p\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`");
    }

    [Fact]
    public async Task Leases_support_the_optimistic_updates_leader_election_needs()
    {
        var ns = await server.NewNamespaceAsync();
        var lease = await _client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow },
        }, ns);

        lease.Spec.HolderIdentity = "b";
        var taken = await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", ns);
        lease.Spec.HolderIdentity = "c";
        var lost = () => _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", ns);

        taken.Spec.HolderIdentity.Should().Be("b");
        (await lost.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_crd_gets_names_accepted_and_established_and_its_resource_is_served_until_it_is_deleted()
    {
        var crd = new V1CustomResourceDefinition
        {
            Metadata = new V1ObjectMeta { Name = "widgets.example.com" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = "example.com",
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames { Plural = "widgets", Singular = "widget", Kind = "Widget", ShortNames = ["wd"] },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = "v1", Served = true, Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true } },
                    },
                ],
            },
        };
        var ns = await server.NewNamespaceAsync();

        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        await Eventually.UntilAsync(async () => (await _client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com")).Status?.Conditions?
            .Any(c => c.Type == "Established" && c.Status == "True") == true, "Established");
        var established = await _client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new Dictionary<string, object> { ["apiVersion"] = "example.com/v1", ["kind"] = "Widget", ["metadata"] = new Dictionary<string, object> { ["name"] = "w" }, ["x"] = 1 },
            "example.com", "v1", ns, "widgets");
        await _client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");
        await Eventually.UntilAsync(async () => !(await _client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items.Any(c => c.Metadata.Name == "widgets.example.com"), "the CRD to go");
        var gone = () => _client.CustomObjects.ListNamespacedCustomObjectAsync("example.com", "v1", ns, "widgets");

        established.Status.Conditions.Select(c => (c.Type, c.Status)).Should().Contain([("NamesAccepted", "True"), ("Established", "True")]);
        established.Status.AcceptedNames.ShortNames.Should().Equal("wd");
        established.Metadata.Finalizers.Should().Equal("customresourcecleanup.apiextensions.k8s.io");
        (await gone.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Core_and_events_k8s_io_events_are_one_store_seen_in_two_forms()
    {
        var ns = await server.NewNamespaceAsync();
        await _client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "e1" },
            EventTime = DateTime.UtcNow,
            ReportingController = "vmaddon.io/controller",
            ReportingInstance = "c1",
            Action = "Start",
            Reason = "Started",
            Type = "Normal",
            Note = "the VM started",
            Regarding = new V1ObjectReference { Kind = "VirtualMachine", Name = "vm1", NamespaceProperty = ns },
        }, ns);

        var core = await _client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.name=vm1");
        var modern = await _client.EventsV1.ListNamespacedEventAsync(ns, fieldSelector: "regarding.name=vm1,reportingController=vmaddon.io/controller");

        core.Items.Should().ContainSingle().Which.Message.Should().Be("the VM started");
        core.Items[0].ReportingComponent.Should().Be("vmaddon.io/controller");
        modern.Items.Should().ContainSingle().Which.Note.Should().Be("the VM started");
        modern.Items[0].ApiVersion.Should().Be("events.k8s.io/v1");
    }

    private static V1Pod Pod(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
    };
}
