using System.Text.Json.Nodes;
using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public sealed class StructuralDefaulterTests
{
    private static readonly StructuralSchema Schema = StructuralSchema.Parse(JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "replicas":{"type":"integer","default":1},
            "mode":{"type":"string","default":"fast"},
            "limits":{"type":"object","properties":{"cpu":{"type":"string","default":"1"}}},
            "withDefault":{"type":"object","default":{},"properties":{"level":{"type":"integer","default":3}}},
            "ports":{"type":"array","items":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"}}}},
            "labels":{"type":"object","additionalProperties":{"type":"object","properties":{"weight":{"type":"integer","default":5}}}}}}}}
        """)!.AsObject());

    [Fact]
    public void Defaults_fill_absent_fields_of_existing_objects_items_and_map_values_only()
    {
        var obj = JsonNode.Parse("""{"spec":{"mode":"slow","ports":[{},{"protocol":"UDP"}],"labels":{"a":{}}}}""");

        StructuralDefaulter.Apply(obj, Schema);

        obj!.ToJsonString().Should().Be(
            """{"spec":{"mode":"slow","ports":[{"protocol":"TCP"},{"protocol":"UDP"}],"labels":{"a":{"weight":5}},"replicas":1,"withDefault":{"level":3}}}""");
    }

    [Fact]
    public void A_missing_parent_is_not_created_by_its_childrens_defaults()
    {
        var obj = JsonNode.Parse("""{"metadata":{}}""");

        StructuralDefaulter.Apply(obj, Schema);

        obj!.ToJsonString().Should().Be("""{"metadata":{}}""");
    }
}
