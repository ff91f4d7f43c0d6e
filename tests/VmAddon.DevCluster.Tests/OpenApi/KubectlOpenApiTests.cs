using VmAddon.DevCluster.Tests.Conformance;
using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.OpenApi;

/// <summary>The real kubectl reading the served OpenAPI documents: explain, and create and apply with its default (strict) validation.</summary>
[Collection(DevApiServerCollection.Name)]
public sealed class KubectlOpenApiTests(DevApiServer server)
{
    private readonly Kubectl _kubectl = server.Kubectl;

    [Fact]
    public async Task Explain_prints_a_built_in_field_with_type_required_fields_and_descriptions()
    {
        var output = await _kubectl.SucceedAsync("explain pods.spec.containers");

        output.Should().Contain("KIND:       Pod");
        output.Should().Contain("FIELD: containers <[]Container>");
        output.Should().MatchRegex(@"\n  name\t<string> -required-\n    Name of the container specified as a DNS_LABEL");
        output.Should().MatchRegex(@"\n  ports\t<\[\]ContainerPort>\n");
    }

    [Fact]
    public async Task Explain_prints_a_custom_resource_field_with_its_enum()
    {
        var output = await _kubectl.SucceedAsync("explain vm.spec.runStrategy");
        var metadata = await _kubectl.SucceedAsync("explain vm.metadata.labels");

        output.Should().Contain("GROUP:      vmaddon.io");
        output.Should().Contain("KIND:       VirtualMachine");
        output.Should().Contain("FIELD: runStrategy <string>");
        output.Should().MatchRegex(@"ENUM:\n(    \w+\n)*    Halted\n");
        metadata.Should().Contain("FIELD: labels <map[string]string>");
    }

    [Fact]
    public async Task Create_leaves_field_validation_to_the_server_without_reading_openapi_v2()
    {
        var ns = await server.NewNamespaceAsync();

        var create = await _kubectl.RunAsync($"-n {ns} create -f - -v=6", Manifests.Vm("vm1"));
        var configMap = await _kubectl.RunAsync($"-n {ns} create -f - -v=6", Manifests.ConfigMap("cm1"));

        create.ExitCode.Should().Be(0, create.Error);
        create.Error.Should().MatchRegex(@"POST \S+/apis/vmaddon\.io/v1alpha1/namespaces/\S+/virtualmachines\?\S*fieldValidation=Strict\S* 201");
        configMap.Error.Should().MatchRegex(@"POST \S+/api/v1/namespaces/\S+/configmaps\?\S*fieldValidation=Strict\S* 201");
        (create.Error + configMap.Error).Should().NotContain("/openapi/v2", "kubectl validates on the client, from /openapi/v2, only when /openapi/v3 says the server does not");
    }

    [Fact]
    public async Task Apply_of_a_built_in_kind_computes_its_strategic_merge_patch_from_openapi_v3()
    {
        var ns = await server.NewNamespaceAsync();
        var pod = (string image) => $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: main, image: "{{image}}"}
              - {name: side, image: "busybox:1"}
            """;
        await _kubectl.SucceedAsync($"-n {ns} apply -f -", pod("busybox:1"));

        var apply = await _kubectl.RunAsync($"-n {ns} apply -f - -v=8", pod("busybox:2"));
        var images = await _kubectl.SucceedAsync($"-n {ns} get pod p -o jsonpath='{{.spec.containers[*].image}}'");

        apply.ExitCode.Should().Be(0, apply.Error);
        apply.Error.Should().Contain("Content-Type: application/strategic-merge-patch+json");
        apply.Error.Should().NotContain("error calculating patch from openapi");
        apply.Error.Should().NotContain("/openapi/v2");
        images.Should().Be("busybox:2 busybox:1");
    }
}
