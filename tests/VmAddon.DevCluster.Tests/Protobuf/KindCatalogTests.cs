using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf;
using VmAddon.DevCluster.Protobuf.Schemas;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>Every kind the decoder claims decodes, and an empty object comes out as Go writes an empty struct.</summary>
public sealed class KindCatalogTests
{
    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (apiVersion, kind) in KindCatalog.All)
        {
            data.Add(apiVersion, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_Empty_Object_Of_Every_Known_Kind_Decodes(string apiVersion, string kind)
    {
        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope(apiVersion, kind, []));

        decoded["kind"]!.GetValue<string>().Should().Be(kind);
        decoded["apiVersion"]!.GetValue<string>().Should().Be(apiVersion);
        decoded["metadata"]!.ToJsonString().Should().Be("""{"creationTimestamp":null}""");
    }

    [Fact]
    public void An_Empty_Pod_Is_What_Go_Writes_For_An_Empty_Pod_Struct()
    {
        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "Pod", []));

        JsonNode.DeepEquals(decoded, JsonNode.Parse("""
            {"kind":"Pod","apiVersion":"v1","metadata":{"creationTimestamp":null},"spec":{"containers":null},"status":{}}
            """)).Should().BeTrue(decoded.ToJsonString());
    }
}
