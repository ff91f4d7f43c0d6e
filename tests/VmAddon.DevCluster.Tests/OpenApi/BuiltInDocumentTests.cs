using System.Text.Json.Nodes;
using VmAddon.DevCluster.OpenApi;
using static VmAddon.DevCluster.Tests.OpenApi.OpenApiCatalogs;

namespace VmAddon.DevCluster.Tests.OpenApi;

public sealed class BuiltInDocumentTests
{
    private static readonly Lazy<OpenApiDocuments> _documents = new(() => new OpenApiDocuments(WithVirtualMachines()));

    private static JsonObject Core => _documents.Value.V3GroupVersion("api/v1")!;

    [Fact]
    public void Core_Document_Is_OpenApi_3_With_Pod_Paths_And_Operations()
    {
        var core = Core;
        var pods = "/api/v1/namespaces/{namespace}/pods";

        ((string)core["openapi"]!).Should().Be("3.0.0");
        core["info"]!["title"].Should().NotBeNull();
        core["paths"]![pods]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("delete", "get", "post", "parameters");
        core["paths"]![pods + "/{name}"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("delete", "get", "patch", "put", "parameters");
        core["paths"]![pods + "/{name}/status"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("get", "patch", "put", "parameters");
        core["paths"]!["/api/v1/pods"]!["get"]!["x-kubernetes-action"]!.GetValue<string>().Should().Be("list");
        core["paths"]![pods + "/{name}/log"]!["get"].Should().NotBeNull();
        core["paths"]![pods + "/{name}/eviction"]!["post"]!["x-kubernetes-group-version-kind"]!["group"]!.GetValue<string>().Should().Be("policy");
        core["paths"]!["/api/v1/namespaces/{name}/finalize"]!["put"].Should().NotBeNull();
        core["paths"]!["/api/v1/nodes/{name}"]!["get"]!["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be(Gvk("", "v1", "Node").ToJsonString());

        var patch = core["paths"]![pods + "/{name}"]!["patch"]!;
        ((string)patch["x-kubernetes-action"]!).Should().Be("patch");
        patch["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be(Gvk("", "v1", "Pod").ToJsonString());
        core["paths"]![pods + "/{name}"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Should().Equal("name", "namespace", "pretty");
    }

    [Fact]
    public void Every_Write_Operation_Of_Every_Document_Takes_FieldValidation_And_DryRun()
    {
        var documents = _documents.Value;
        foreach (var path in documents.V3Index()["paths"]!.AsObject().Select(p => p.Key))
        {
            var document = documents.V3GroupVersion(path)!;
            foreach (var (operationPath, method, operation) in Operations(document))
            {
                var action = (string?)operation["x-kubernetes-action"];
                if (action is "post" or "put" or "patch")
                {
                    QueryParameters(operation).Should().Contain(["fieldValidation", "dryRun", "fieldManager"], $"{method} {operationPath}");
                }
            }
        }
    }

    [Theory]
    [InlineData("api/v1", "", "Pod")]
    [InlineData("api/v1", "", "Namespace")]
    [InlineData("api/v1", "", "ConfigMap")]
    [InlineData("api/v1", "", "Event")]
    [InlineData("apis/events.k8s.io/v1", "events.k8s.io", "Event")]
    [InlineData("apis/coordination.k8s.io/v1", "coordination.k8s.io", "Lease")]
    [InlineData("apis/apiextensions.k8s.io/v1", "apiextensions.k8s.io", "CustomResourceDefinition")]
    public void Kubectl_Finds_Server_Side_Field_Validation_And_Strategic_Merge_For_Built_In_Kinds(string path, string group, string kind)
    {
        var document = _documents.Value.V3GroupVersion(path)!;
        var gvk = Gvk(group, "v1", kind);

        KubectlReading.EveryPatchTakesFieldValidation(document, gvk).Should().BeTrue();
        KubectlReading.AcceptsStrategicMergePatch(document, gvk).Should().BeTrue();
        KubectlReading.KindSchema(document, gvk).Should().NotBeNull();
    }

    [Fact]
    public void Explain_Pods_Spec_Containers_Finds_The_Field_Its_Type_And_Description()
    {
        var core = Core;
        var gvk = KubectlReading.ExplainGvk(core, "", "v1", "pods")!;
        var pod = KubectlReading.KindSchema(core, gvk)!;

        var containers = KubectlReading.ExplainField(core, pod, "spec", "containers");
        var image = KubectlReading.ExplainField(core, pod, "spec", "containers", "image");
        var missing = KubectlReading.ExplainField(core, pod, "spec", "nosuchfield");

        gvk.ToJsonString().Should().Be(Gvk("", "v1", "Pod").ToJsonString());
        containers!.Value.Type.Should().Be("[]Container");
        ((string)containers.Value.Field["description"]!).Should().Contain("containers");
        image!.Value.Type.Should().Be("string");
        missing.Should().BeNull();
        var container = KubectlReading.Resolve(core, "#/components/schemas/io.k8s.api.core.v1.Container")!;
        container["required"]!.AsArray().Select(r => (string)r!).Should().Contain("name");
        ((string)container["properties"]!["name"]!["description"]!).Should().Contain("DNS_LABEL", "descriptions come from KubernetesClient.xml");
    }

    [Theory]
    [InlineData("merge", "name", "spec", "containers")]
    [InlineData("merge", "name", "spec", "initContainers")]
    [InlineData("merge,retainKeys", "name", "spec", "volumes")]
    [InlineData("merge", "name", "spec", "containers", "env")]
    [InlineData("merge", "containerPort", "spec", "containers", "ports")]
    [InlineData("merge", "mountPath", "spec", "containers", "volumeMounts")]
    [InlineData("merge", "type", "status", "conditions")]
    [InlineData("merge", "uid", "metadata", "ownerReferences")]
    [InlineData("merge", null, "metadata", "finalizers")]
    [InlineData(null, null, "spec", "tolerations")]
    public void Strategic_Merge_Metadata_Of_Pod_Fields_Is_Where_Kubectl_Apply_Looks(string? strategy, string? mergeKey, params string[] path)
    {
        var core = Core;
        var pod = KubectlReading.KindSchema(core, Gvk("", "v1", "Pod"))!;

        KubectlReading.PatchMeta(core, pod, path).Should().Be((strategy, mergeKey));
    }

    [Fact]
    public void List_Types_Mark_Lists_Server_Side_Apply_Merges_By_Key()
    {
        var schemas = Core["components"]!["schemas"]!;

        var ports = schemas["io.k8s.api.core.v1.Container"]!["properties"]!["ports"]!;
        var ownerReferences = schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["ownerReferences"]!;

        ((string)ports["x-kubernetes-list-type"]!).Should().Be("map");
        ports["x-kubernetes-list-map-keys"]!.AsArray().Select(k => (string)k!).Should().Equal("containerPort", "protocol");
        ((string)ownerReferences["x-kubernetes-list-type"]!).Should().Be("map");
        ((string)schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["finalizers"]!["x-kubernetes-list-type"]!).Should().Be("set");
        ((string)schemas["io.k8s.api.core.v1.PodSpec"]!["properties"]!["tolerations"]!["x-kubernetes-list-type"]!).Should().Be("atomic");
    }

    [Fact]
    public void Scalars_Map_To_Kubernetes_Formats()
    {
        var schemas = Core["components"]!["schemas"]!;

        var targetPort = schemas["io.k8s.api.core.v1.ServicePort"]!["properties"]!["targetPort"]!;
        var limits = schemas["io.k8s.api.core.v1.ResourceRequirements"]!["properties"]!["limits"]!;
        var created = schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["creationTimestamp"]!;
        var secretData = schemas["io.k8s.api.core.v1.Secret"]!["properties"]!["data"]!;
        var labels = schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["labels"]!;

        targetPort["allOf"]![0]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]!["x-kubernetes-int-or-string"]!.GetValue<bool>().Should().BeTrue();
        limits["additionalProperties"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity");
        ((string)created["format"]!).Should().Be("date-time");
        ((string)created["type"]!).Should().Be("string");
        ((string)secretData["additionalProperties"]!["format"]!).Should().Be("byte");
        ((string)labels["additionalProperties"]!["type"]!).Should().Be("string");
        schemas["io.k8s.api.core.v1.ContainerPort"]!["required"]!.AsArray().Select(r => (string)r!).Should().Equal("containerPort");
    }

    [Fact]
    public void Definitions_Are_Named_By_Kubernetes_Package()
    {
        var documents = _documents.Value;

        Core["components"]!["schemas"]!.AsObject().Select(s => s.Key).Should().Contain([
            "io.k8s.api.core.v1.Pod", "io.k8s.api.core.v1.PodList", "io.k8s.api.core.v1.Event", "io.k8s.api.policy.v1.Eviction",
            "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.Status",
            "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.Patch"]);
        Core["components"]!["schemas"]!.AsObject().Should().OnlyContain(s => s.Key.StartsWith("io.k8s.", StringComparison.Ordinal));
        documents.V3GroupVersion("apis/events.k8s.io/v1")!["components"]!["schemas"]!["io.k8s.api.events.v1.Event"]!["x-kubernetes-group-version-kind"]!
            .ToJsonString().Should().Be(new JsonArray(Gvk("events.k8s.io", "v1", "Event")).ToJsonString());
        documents.V3GroupVersion("apis/coordination.k8s.io/v1")!["components"]!["schemas"]!["io.k8s.api.coordination.v1.LeaseSpec"].Should().NotBeNull();
        documents.V3GroupVersion("apis/apiextensions.k8s.io/v1")!["components"]!["schemas"]!
            ["io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"].Should().NotBeNull();
    }

    [Fact]
    public void Every_Reference_In_Every_Document_Resolves_Within_It()
    {
        var documents = _documents.Value;
        foreach (var path in documents.V3Index()["paths"]!.AsObject().Select(p => p.Key))
        {
            var document = documents.V3GroupVersion(path)!;
            var refs = Refs(document).Distinct().ToList();

            refs.Should().NotBeEmpty();
            refs.Should().OnlyContain(r => KubectlReading.Resolve(document, r) != null, $"every $ref of {path} names one of its schemas");
        }
    }

    [Fact]
    public void Operation_Ids_Are_Unique_And_Kind_Schemas_Claim_Their_Kind_Once()
    {
        var documents = _documents.Value;
        var ids = documents.V3Index()["paths"]!.AsObject()
            .SelectMany(p => Operations(documents.V3GroupVersion(p.Key)!))
            .Select(o => (string)o.Operation["operationId"]!)
            .ToList();

        ids.Should().OnlyHaveUniqueItems();
        var kinds = Core["components"]!["schemas"]!.AsObject()
            .SelectMany(s => s.Value!["x-kubernetes-group-version-kind"] as JsonArray ?? [])
            .Select(g => g!.ToJsonString())
            .ToList();
        kinds.Should().OnlyHaveUniqueItems();
    }

    private static JsonObject Gvk(string group, string version, string kind) => new() { ["group"] = group, ["kind"] = kind, ["version"] = version };
}
