using System.Text.Json.Nodes;
using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public sealed class OpenApiSchemaGeneratorTests
{
    private static readonly JsonObject _vm = CrdCatalog.FindByKind("VirtualMachine")!.CreateOpenApiV3Schema();

    private static JsonNode Node(string path)
    {
        JsonNode node = _vm;
        foreach (var part in path.Split('/'))
        {
            node = node[part] ?? throw new InvalidOperationException($"{path}: no {part} in {node.ToJsonString()[..Math.Min(200, node.ToJsonString().Length)]}");
        }

        return node;
    }

    private const string Domain = "properties/spec/properties/template/properties/spec/properties/domain/properties";

    [Fact]
    public void RunStrategy_Is_An_Enum_Of_The_Five_Strategies()
    {
        var runStrategy = Node("properties/spec/properties/runStrategy");

        runStrategy["type"]!.GetValue<string>().Should().Be("string");
        runStrategy["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("Always", "Halted", "Manual", "RerunOnFailure", "Once");
        runStrategy["description"]!.GetValue<string>().Should().NotBeEmpty();
    }

    [Fact]
    public void Cpu_Cores_Are_Bounded()
    {
        var cores = Node(Domain + "/cpu/properties/cores");

        cores["type"]!.GetValue<string>().Should().Be("integer");
        cores["minimum"]!.GetValue<long>().Should().Be(1);
        cores["maximum"]!.GetValue<long>().Should().Be(512);
    }

    [Fact]
    public void Disks_Are_A_Map_List_Keyed_By_A_Required_Name()
    {
        var disks = Node(Domain + "/devices/properties/disks");

        disks["type"]!.GetValue<string>().Should().Be("array");
        disks["x-kubernetes-list-type"]!.GetValue<string>().Should().Be("map");
        disks["x-kubernetes-list-map-keys"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("name");
        disks["items"]!["required"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Contain("name");
        disks["items"]!["properties"]!["name"]!["pattern"]!.GetValue<string>().Should().Be(NamePatterns.Dns1123Label);
        disks["items"]!["properties"]!["disk"].Should().NotBeNull("[JsonPropertyName(\"disk\")] names the property");
    }

    [Fact]
    public void Quantities_Are_Int_Or_String_With_The_Quantity_Pattern()
    {
        var guest = Node(Domain + "/memory/properties/guest");

        guest["type"].Should().BeNull();
        guest["x-kubernetes-int-or-string"]!.GetValue<bool>().Should().BeTrue();
        guest["anyOf"]!.AsArray().Select(s => s!["type"]!.GetValue<string>()).Should().Equal("integer", "string");
        guest["pattern"]!.GetValue<string>().Should().Be(OpenApiSchemaGenerator.QuantityPattern);
        Node(Domain + "/resources/properties/requests/additionalProperties/x-kubernetes-int-or-string").GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Empty_Records_Are_Plain_Objects()
    {
        var masquerade = Node(Domain + "/devices/properties/interfaces/items/properties/masquerade");

        masquerade["type"]!.GetValue<string>().Should().Be("object");
        masquerade["properties"].Should().BeNull();
        Node(Domain + "/devices/properties/rng/type").GetValue<string>().Should().Be("object");
    }

    [Fact]
    public void Times_Are_Date_Time_Strings_And_Conditions_Are_Keyed_By_Type()
    {
        var conditions = Node("properties/status/properties/conditions");

        conditions["x-kubernetes-list-map-keys"]!.AsArray().Single()!.GetValue<string>().Should().Be("type");
        conditions["items"]!["properties"]!["lastTransitionTime"]!["format"]!.GetValue<string>().Should().Be("date-time");
        conditions["items"]!["properties"]!["status"]!["enum"]!.AsArray().Should().HaveCount(3);
    }

    [Fact]
    public void Top_Level_Metadata_Is_An_Untyped_Object_And_Template_Metadata_Is_Typed()
    {
        Node("properties/metadata").ToJsonString().Should().Be("""{"type":"object"}""");
        Node("properties/spec/properties/template/properties/metadata/properties/labels/additionalProperties/type").GetValue<string>().Should().Be("string");
        Node("required").AsArray().Single()!.GetValue<string>().Should().Be("spec");
    }

    [Fact]
    public void Embedded_Kubernetes_Types_Use_Their_Json_Names_And_Required_Fields()
    {
        var toleration = Node("properties/spec/properties/template/properties/spec/properties/tolerations/items/properties");
        toleration["operator"]!["type"]!.GetValue<string>().Should().Be("string");
        toleration["tolerationSeconds"]!["format"]!.GetValue<string>().Should().Be("int64");

        var term = Node("properties/spec/properties/template/properties/spec/properties/affinity/properties/podAffinity/properties/requiredDuringSchedulingIgnoredDuringExecution/items");
        term["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("topologyKey");
    }

    [Theory]
    [InlineData("VirtualMachine")]
    [InlineData("VirtualMachineInstance")]
    [InlineData("VirtualMachineInstanceMigration")]
    [InlineData("VirtualMachinePool")]
    public void Every_Schema_Is_Structural(string kind)
    {
        var problems = new List<string>();
        StructuralRules.Check(CrdCatalog.FindByKind(kind)!.CreateOpenApiV3Schema(), "openAPIV3Schema", problems);

        problems.Should().BeEmpty();
    }
}
