using System.Text.Json.Nodes;
using VmAddon.DevCluster.OpenApi;
using static VmAddon.DevCluster.Tests.OpenApi.OpenApiCatalogs;

namespace VmAddon.DevCluster.Tests.OpenApi;

public sealed class CustomResourceDocumentTests
{
    private static readonly JsonObject _vmGvk = new() { ["group"] = "vmaddon.io", ["kind"] = "VirtualMachine", ["version"] = "v1" };

    private readonly JsonObject _document = new OpenApiDocuments(WithVirtualMachines()).V3GroupVersion("apis/vmaddon.io/v1")!;

    [Fact]
    public void The_Kind_Schema_Is_The_Crd_Schema_With_ObjectMeta_And_Its_Group_Version_Kind()
    {
        var vm = _document["components"]!["schemas"]!["io.vmaddon.v1.VirtualMachine"]!;

        vm["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        vm["properties"]!["spec"]!["properties"]!["runStrategy"].Should().NotBeNull();
        vm["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be(new JsonArray(_vmGvk.DeepClone()).ToJsonString());
        ((string)vm["description"]!).Should().StartWith("VirtualMachine is");
        var list = _document["components"]!["schemas"]!["io.vmaddon.v1.VirtualMachineList"]!;
        list["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/io.vmaddon.v1.VirtualMachine");
        list["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta");
    }

    [Fact]
    public void Explain_Vm_Spec_RunStrategy_Finds_The_Field_And_Its_Values()
    {
        var gvk = KubectlReading.ExplainGvk(_document, "vmaddon.io", "v1", "virtualmachines")!;
        var vm = KubectlReading.KindSchema(_document, gvk)!;

        var runStrategy = KubectlReading.ExplainField(_document, vm, "spec", "runStrategy");
        var name = KubectlReading.ExplainField(_document, vm, "metadata", "name");

        gvk.ToJsonString().Should().Be(_vmGvk.ToJsonString());
        runStrategy!.Value.Type.Should().Be("string");
        runStrategy.Value.Field["enum"]!.AsArray().Select(v => (string)v!).Should().Contain(["Always", "Halted"]);
        name!.Value.Type.Should().Be("string", "metadata resolves through ObjectMeta");
        KubectlReading.ExplainField(_document, vm, "spec", "noSuchField").Should().BeNull();
    }

    [Fact]
    public void Kubectl_Sends_Field_Validation_For_Custom_Resources_And_Uses_A_Merge_Patch()
    {
        var patch = _document["paths"]!["/apis/vmaddon.io/v1/namespaces/{namespace}/virtualmachines/{name}"]!["patch"]!;

        KubectlReading.EveryPatchTakesFieldValidation(_document, _vmGvk).Should().BeTrue();
        KubectlReading.AcceptsStrategicMergePatch(_document, _vmGvk).Should().BeFalse("kube-apiserver refuses strategic merge patches for custom resources");
        patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key)
            .Should().BeEquivalentTo("application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json");
        _document["paths"]!["/apis/vmaddon.io/v1/namespaces/{namespace}/virtualmachines/{name}/status"]!["patch"].Should().NotBeNull();
        _document["paths"]!["/apis/vmaddon.io/v1/virtualmachines"]!["get"]!["operationId"]!.GetValue<string>()
            .Should().Be("listVmaddonIoV1VirtualMachineForAllNamespaces");
    }

    [Fact]
    public void The_Scale_Subresource_Speaks_Autoscaling_V1_Scale()
    {
        var scale = _document["paths"]!["/apis/vmaddon.io/v1/namespaces/{namespace}/virtualmachinepools/{name}/scale"]!;

        scale["put"]!["x-kubernetes-group-version-kind"]!.ToJsonString()
            .Should().Be(new JsonObject { ["group"] = "autoscaling", ["kind"] = "Scale", ["version"] = "v1" }.ToJsonString());
        scale["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .Should().Be("#/components/schemas/io.k8s.api.autoscaling.v1.Scale");
        _document["components"]!["schemas"]!["io.k8s.api.autoscaling.v1.ScaleSpec"].Should().NotBeNull();
        QueryParameters(scale["patch"]!.AsObject()).Should().Contain("fieldValidation");
    }

    [Fact]
    public void The_Document_Holds_Only_What_Its_Resources_Need()
    {
        var schemas = _document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        schemas.Should().Contain(["io.vmaddon.v1.VirtualMachinePool", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.Status"]);
        schemas.Should().NotContain(s => s.StartsWith("io.k8s.api.core.", StringComparison.Ordinal));
        Refs(_document).Distinct().Should().OnlyContain(r => KubectlReading.Resolve(_document, r) != null);
    }
}
