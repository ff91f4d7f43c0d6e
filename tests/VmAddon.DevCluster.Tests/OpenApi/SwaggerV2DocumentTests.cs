using System.Text.Json.Nodes;
using VmAddon.DevCluster.OpenApi;
using static VmAddon.DevCluster.Tests.OpenApi.OpenApiCatalogs;

namespace VmAddon.DevCluster.Tests.OpenApi;

public sealed class SwaggerV2DocumentTests
{
    private readonly JsonObject _v2 = new OpenApiDocuments(WithVirtualMachines()).V2();

    [Fact]
    public void V2_Is_Swagger_2_With_Every_Group_Version_And_Definitions_Refs()
    {
        var definitions = _v2["definitions"]!.AsObject();
        var refs = Refs(_v2).Distinct().ToList();

        ((string)_v2["swagger"]!).Should().Be("2.0");
        _v2["info"]!["title"].Should().NotBeNull();
        _v2.Should().NotContainKey("components");
        definitions.Select(d => d.Key).Should().Contain(["io.k8s.api.core.v1.Pod", "io.vmaddon.v1.VirtualMachine", "io.k8s.api.coordination.v1.Lease"]);
        _v2["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/api/v1/namespaces/{namespace}/pods/{name}", "/apis/vmaddon.io/v1/namespaces/{namespace}/virtualmachines/{name}"]);
        refs.Should().OnlyContain(r => r.StartsWith("#/definitions/", StringComparison.Ordinal) && definitions.ContainsKey(r.Substring("#/definitions/".Length)));
    }

    [Fact]
    public void V2_Operations_Have_Swagger_Parameters_And_Responses()
    {
        foreach (var (path, method, operation) in Operations(_v2))
        {
            operation.Should().NotContainKey("requestBody", $"{method} {path}");
            operation["responses"]!.AsObject().Should().NotBeEmpty();
            operation["responses"]!.AsObject().Should().OnlyContain(r => r.Value!["content"] == null);
            foreach (var parameter in (operation["parameters"] as JsonArray ?? []).Concat(_v2["paths"]![path]!["parameters"] as JsonArray ?? []))
            {
                if ((string)parameter!["in"]! == "body")
                {
                    parameter["schema"].Should().NotBeNull();
                }
                else
                {
                    parameter["type"].Should().NotBeNull($"{parameter["name"]} of {method} {path}");
                    parameter.AsObject().Should().NotContainKey("schema");
                }
            }
        }

        var podPatch = _v2["paths"]!["/api/v1/namespaces/{namespace}/pods/{name}"]!["patch"]!;
        podPatch["consumes"]!.AsArray().Select(c => (string)c!).Should().Contain("application/strategic-merge-patch+json");
        podPatch["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Should().Contain(["body", "fieldValidation"]);
        podPatch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>().Should().Be("Pod");
    }

    [Fact]
    public void V2_Schemas_Use_No_OpenApi_3_Keywords()
    {
        foreach (var (name, definition) in _v2["definitions"]!.AsObject())
        {
            Keywords(definition).Should().NotContain(["oneOf", "anyOf", "nullable", "not"], name);
        }

        ((string)_v2["definitions"]!["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]!["type"]!).Should().Be("string");
        _v2["definitions"]!["io.k8s.api.core.v1.Pod"]!["properties"]!["metadata"]!["$ref"]!.GetValue<string>()
            .Should().Be("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    }

    // Schema keywords, not field names: the keys of "properties" are fields (JSONSchemaProps has one called "anyOf").
    private static IEnumerable<string> Keywords(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "properties" && p.Value is JsonObject fields
            ? fields.SelectMany(f => Keywords(f.Value))
            : p.Key is "enum" or "default" or "example" or "x-kubernetes-group-version-kind" ? [p.Key] : Keywords(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Keywords),
        _ => [],
    };
}
