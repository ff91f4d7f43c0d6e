using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>Bodies captured from kubectl 1.32 decode to exactly the JSON kubectl prints for the same command.</summary>
public sealed class KubectlBodyTests
{
    public static TheoryData<string> Cases => KubectlCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_Gives_The_Json_Kubectl_Prints_For_The_Same_Command(string name)
    {
        var decoded = KubeProtobuf.Decode(KubectlCases.Body(name));

        var expected = KubectlCases.Expected(name);
        JsonNode.DeepEquals(decoded, expected).Should().BeTrue($"decoded:\n{decoded}\nkubectl printed:\n{expected}");
    }

    [Fact]
    public void Decode_Keeps_Go_Field_Order()
    {
        var decoded = KubeProtobuf.Decode(KubectlCases.Body("deployment"));

        decoded.Select(p => p.Key).Should().Equal("kind", "apiVersion", "metadata", "spec", "status");
        decoded["spec"]!.AsObject().Select(p => p.Key).Should().Equal("replicas", "selector", "template", "strategy");
        decoded["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Select(p => p.Key).Should().Equal("name", "image", "ports", "resources");
    }

    [Fact]
    public void Secret_Data_Is_Base64_Of_The_Literal_Values()
    {
        var decoded = KubeProtobuf.Decode(KubectlCases.Body("secret-generic"));

        decoded["data"]!["user"]!.GetValue<string>().Should().Be(Convert.ToBase64String("admin"u8.ToArray()));
        decoded["type"]!.GetValue<string>().Should().Be("Opaque");
    }

    [Fact]
    public void Service_Target_Ports_Keep_Numbers_And_Names()
    {
        var ports = KubeProtobuf.Decode(KubectlCases.Body("service-clusterip"))["spec"]!["ports"]!.AsArray();

        ports[0]!["targetPort"]!.GetValue<int>().Should().Be(8080);
        ports[1]!["targetPort"]!.GetValue<string>().Should().Be("https");
    }
}
