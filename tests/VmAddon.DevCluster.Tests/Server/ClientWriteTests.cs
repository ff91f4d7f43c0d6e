using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmAddon.DevCluster.Tests.Server;

/// <summary>Object semantics through KubernetesClient over real HTTP: names, uids, resourceVersions, generation, status, conflicts and Status errors.</summary>
[Collection(Conformance.DevApiServerCollection.Name)]
public sealed class ClientWriteTests(DevApiServer server)
{
    private readonly Kubernetes _client = server.Client;

    [Fact]
    public async Task Create_assigns_uid_timestamp_resource_version_and_a_generated_name()
    {
        var ns = await server.NewNamespaceAsync();

        var first = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cm-" } }, ns);
        var second = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cm-" } }, ns);

        first.Metadata.Name.Should().MatchRegex("^cm-[a-z0-9]{5}$").And.NotBe(second.Metadata.Name);
        Guid.TryParse(first.Metadata.Uid, out _).Should().BeTrue();
        first.Metadata.CreationTimestamp.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        long.Parse(second.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(first.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Generation_moves_on_spec_changes_only_and_status_goes_through_its_subresource()
    {
        var ns = await server.NewNamespaceAsync();
        var vm = await CreateVmAsync(ns, "vm1");

        var labelled = await PatchVmAsync(ns, "vm1", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
        var respecced = await PatchVmAsync(ns, "vm1", "{\"spec\":{\"runStrategy\":\"Halted\"}}");
        var statusIgnored = await PatchVmAsync(ns, "vm1", "{\"status\":{\"printableStatus\":\"Running\"}}");
        var status = await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<JsonElementHolder>(
            new V1Patch("{\"status\":{\"printableStatus\":\"Stopped\"},\"spec\":{\"runStrategy\":\"Always\"}}", V1Patch.PatchType.MergePatch),
            "vmaddon.io", "v1alpha1", ns, "virtualmachines", "vm1");

        Generation(vm).Should().Be(1);
        Generation(labelled).Should().Be(1);
        Generation(respecced).Should().Be(2);
        statusIgnored.TryGetProperty("status", out _).Should().BeFalse("the main resource ignores status");
        status.Value.GetProperty("status").GetProperty("printableStatus").GetString().Should().Be("Stopped");
        status.Value.GetProperty("spec").GetProperty("runStrategy").GetString().Should().Be("Halted", "the status subresource ignores spec");
    }

    [Fact]
    public async Task A_stale_update_is_a_conflict_and_a_duplicate_create_already_exists()
    {
        var ns = await server.NewNamespaceAsync();
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, ns);
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(new V1ConfigMap { Metadata = created.Metadata, Data = new Dictionary<string, string> { ["a"] = "1" } }, "cm", ns);

        var stale = () => _client.CoreV1.ReplaceNamespacedConfigMapAsync(new V1ConfigMap { Metadata = created.Metadata, Data = new Dictionary<string, string> { ["a"] = "2" } }, "cm", ns);
        var duplicate = () => _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, ns);

        var conflict = (await stale.Should().ThrowAsync<HttpOperationException>()).Which;
        conflict.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Status(conflict).Reason.Should().Be("Conflict");
        Status(conflict).Message.Should().Be("Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; please apply your changes to the latest version and try again");
        var exists = (await duplicate.Should().ThrowAsync<HttpOperationException>()).Which;
        Status(exists).Reason.Should().Be("AlreadyExists");
        Status(exists).Code.Should().Be(409);
        Status(exists).Details.Name.Should().Be("cm");
        Status(exists).Details.Kind.Should().Be("configmaps");
    }

    [Fact]
    public async Task An_object_in_a_missing_namespace_is_not_found()
    {
        var create = () => _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, "no-such-namespace");

        var error = (await create.Should().ThrowAsync<HttpOperationException>()).Which;

        error.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Status(error).Message.Should().Be("namespaces \"no-such-namespace\" not found");
    }

    [Fact]
    public async Task A_schema_violation_is_422_invalid_with_a_cause_per_field()
    {
        var ns = await server.NewNamespaceAsync();
        var bad = new Dictionary<string, object>
        {
            ["apiVersion"] = "vmaddon.io/v1alpha1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "bad" },
            ["spec"] = new Dictionary<string, object> { ["runStrategy"] = "Sometimes", ["template"] = new Dictionary<string, object> { ["spec"] = new Dictionary<string, object> { ["domain"] = "not an object" } } },
        };

        var create = () => _client.CustomObjects.CreateNamespacedCustomObjectAsync(bad, "vmaddon.io", "v1alpha1", ns, "virtualmachines");

        var error = (await create.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be((HttpStatusCode)422);
        var status = Status(error);
        status.Reason.Should().Be("Invalid");
        status.Details.Causes.Select(c => (c.Field, c.Reason)).Should().BeEquivalentTo(new[]
        {
            ("spec.runStrategy", "FieldValueNotSupported"),
            ("spec.template.spec.domain", "FieldValueTypeInvalid"),
        });
        status.Message.Should().StartWith("VirtualMachine.vmaddon.io \"bad\" is invalid: [");
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_with_a_warning_by_default()
    {
        var ns = await server.NewNamespaceAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseAddress };
        var body = """{"apiVersion":"vmaddon.io/v1alpha1","kind":"VirtualMachine","metadata":{"name":"x"},"spec":{"runStrategy":"Always","bogus":1,"template":{"spec":{"domain":{"devices":{}}}}}}""";

        using var response = await http.PostAsync($"apis/vmaddon.io/v1alpha1/namespaces/{ns}/virtualmachines", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var stored = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.GetValues("Warning").Should().Equal("299 - \"unknown field \\\"spec.bogus\\\"\"");
        stored.Should().NotContain("bogus");
    }

    [Fact]
    public async Task Requests_are_counted_by_verb_and_resource_and_served_on_metrics()
    {
        var ns = await server.NewNamespaceAsync();
        var before = server.Server.Requests.Writes("configmaps");

        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "counted" } }, ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"a\":\"b\"}}", V1Patch.PatchType.MergePatch), "counted", ns);
        using var http = new HttpClient { BaseAddress = server.Server.BaseAddress };
        var metrics = await http.GetStringAsync("metrics");

        server.Server.Requests.Writes("configmaps").Should().Be(before + 2);
        metrics.Should().MatchRegex("apiserver_request_total\\{verb=\"patch\",group=\"\",resource=\"configmaps\",subresource=\"\",code=\"200\"\\} [1-9]");
    }

    private async Task<System.Text.Json.JsonElement> CreateVmAsync(string ns, string name)
    {
        var body = new Dictionary<string, object>
        {
            ["apiVersion"] = "vmaddon.io/v1alpha1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new Dictionary<string, object> { ["name"] = name },
            ["spec"] = new Dictionary<string, object> { ["runStrategy"] = "Always", ["template"] = new Dictionary<string, object> { ["spec"] = new Dictionary<string, object> { ["domain"] = new Dictionary<string, object> { ["devices"] = new Dictionary<string, object>() } } } },
        };
        return (await _client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonElementHolder>(body, "vmaddon.io", "v1alpha1", ns, "virtualmachines")).Value;
    }

    private async Task<System.Text.Json.JsonElement> PatchVmAsync(string ns, string name, string patch) =>
        (await _client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElementHolder>(new V1Patch(patch, V1Patch.PatchType.MergePatch), "vmaddon.io", "v1alpha1", ns, "virtualmachines", name)).Value;

    private static long Generation(System.Text.Json.JsonElement obj) => obj.GetProperty("metadata").GetProperty("generation").GetInt64();

    internal static V1Status Status(HttpOperationException error) => KubernetesJson.Deserialize<V1Status>(error.Response.Content);
}
