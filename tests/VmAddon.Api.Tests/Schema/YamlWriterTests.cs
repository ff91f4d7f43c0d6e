using System.Text.Json.Nodes;
using VmAddon.Api.Manifests;
using VmAddon.Api.Schema;
using YamlDotNet.RepresentationModel;

namespace VmAddon.Api.Tests.Schema;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("True")]
    [InlineData("false")]
    [InlineData("on")]
    [InlineData("No")]
    [InlineData("y")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("1")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("-1")]
    [InlineData(".inf")]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("a: b")]
    [InlineData("#comment")]
    [InlineData("- item")]
    [InlineData("line\nbreak")]
    [InlineData("2025-01-01")]
    [InlineData("ünïcode")]
    public void Strings_That_Yaml_Would_Read_As_Something_Else_Are_Quoted(string text)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["value"] = text });

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var value = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("value")];

        value.Value.Should().Be(text);
        value.Style.Should().NotBe(YamlDotNet.Core.ScalarStyle.Plain, $"{text} must be quoted in {yaml}");
    }

    [Fact]
    public void Ordinary_Words_Stay_Plain_And_Keys_Are_Sorted()
    {
        var yaml = YamlWriter.Write(new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray("Always", "Halted"),
            ["empty"] = new JsonObject(),
            ["none"] = new JsonArray(),
            ["count"] = 3,
            ["flag"] = true,
        });

        yaml.Should().Be("""
            count: 3
            empty: {}
            enum:
            - Always
            - Halted
            flag: true
            none: []
            type: string

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_Lists_And_Objects_Round_Trip()
    {
        var tree = JsonNode.Parse("""{"a":[{"b":[1,[2,3]],"c":{"d":"on"}},[{"e":null}]]}""")!;

        var read = YamlManifestReader.Read(YamlWriter.Write(tree)).Documents[0].Content;

        JsonNode.DeepEquals(read, tree).Should().BeTrue(YamlWriter.Write(tree));
    }
}
