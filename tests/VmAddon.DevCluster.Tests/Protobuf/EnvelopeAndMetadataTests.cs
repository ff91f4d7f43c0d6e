using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>The envelope, object metadata, Go zero-value rules and the errors the server turns into 400 and 415 answers.</summary>
public sealed class EnvelopeAndMetadataTests
{
    [Theory]
    [InlineData("application/vnd.kubernetes.protobuf", true)]
    [InlineData("application/vnd.kubernetes.protobuf; charset=utf-8", true)]
    [InlineData("Application/VND.Kubernetes.Protobuf;stream=watch", true)]
    [InlineData("application/json", false)]
    [InlineData("application/vnd.kubernetes.protobuf+json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsProtobuf_Recognises_The_Kubernetes_Protobuf_Media_Type(string? contentType, bool expected)
    {
        KubeProtobuf.IsProtobuf(contentType).Should().Be(expected);
    }

    [Fact]
    public void Decode_Reads_Every_ObjectMeta_Field_And_Drops_Managed_Fields()
    {
        var configMap = new ProtoWriter()
            .Message(1, m => m
                .String(1, "app")
                .String(2, "app-")
                .String(3, "team-a")
                .String(4, string.Empty)
                .String(5, "6f1c2b1e-0000-4000-8000-000000000001")
                .String(6, "42")
                .Varint(7, 3)
                .Message(8, t => t.Varint(1, 1_700_000_000).Varint(2, 123_456_789))
                .Message(9, t => t.Varint(1, 1_700_000_060))
                .Varint(10, 30)
                .MapEntry(11, "app", "web")
                .MapEntry(11, "tier", "front")
                .MapEntry(12, "note", "hello")
                .Message(13, o => o.String(1, "Deployment").String(3, "web").String(4, "uid-1").String(5, "apps/v1").Bool(6, true).Bool(7, false))
                .String(14, "example.com/cleanup")
                .Message(17, f => f.String(1, "kubectl").String(2, "Update").String(3, "v1")))
            .MapEntry(2, "key", "value")
            .Bool(4, false);

        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "ConfigMap", configMap));

        var expected = JsonNode.Parse("""
            {
              "kind": "ConfigMap",
              "apiVersion": "v1",
              "metadata": {
                "name": "app",
                "generateName": "app-",
                "namespace": "team-a",
                "uid": "6f1c2b1e-0000-4000-8000-000000000001",
                "resourceVersion": "42",
                "generation": 3,
                "creationTimestamp": "2023-11-14T22:13:20Z",
                "deletionTimestamp": "2023-11-14T22:14:20Z",
                "deletionGracePeriodSeconds": 30,
                "labels": { "app": "web", "tier": "front" },
                "annotations": { "note": "hello" },
                "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "uid-1", "controller": true, "blockOwnerDeletion": false } ],
                "finalizers": [ "example.com/cleanup" ]
              },
              "immutable": false,
              "data": { "key": "value" }
            }
            """)!;
        JsonNode.DeepEquals(decoded, expected).Should().BeTrue($"decoded:\n{decoded}");
    }

    [Fact]
    public void Unset_Pointer_Fields_Are_Absent_And_Zero_Times_Are_Null()
    {
        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, m => m.String(1, "x").Message(8, _ => { }))));

        decoded.ContainsKey("immutable").Should().BeFalse();
        decoded["metadata"]!.AsObject().ContainsKey("creationTimestamp").Should().BeTrue();
        decoded["metadata"]!["creationTimestamp"].Should().BeNull();
    }

    [Fact]
    public void The_Go_Zero_Time_Is_Null_And_The_Unix_Epoch_Is_A_Time()
    {
        static JsonNode? Created(long seconds) => KubeProtobuf.Decode(ProtoWriter.Envelope(
            "v1", "Namespace", new ProtoWriter().Message(1, m => m.Message(8, t => t.Varint(1, seconds)))))["metadata"]!["creationTimestamp"];

        Created(-62_135_596_800).Should().BeNull();
        Created(0)!.GetValue<string>().Should().Be("1970-01-01T00:00:00Z");
    }

    [Fact]
    public void Repeated_Occurrences_Of_A_Message_Field_Are_Merged()
    {
        var configMap = new ProtoWriter()
            .Message(1, m => m.String(1, "first").MapEntry(11, "a", "1"))
            .Message(1, m => m.String(1, "second").MapEntry(11, "b", "2"));

        var metadata = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "ConfigMap", configMap))["metadata"]!;

        metadata["name"]!.GetValue<string>().Should().Be("second");
        metadata["labels"]!.ToJsonString().Should().Be("""{"a":"1","b":"2"}""");
    }

    [Fact]
    public void Unknown_Fields_Holding_Zero_Values_Are_Ignored()
    {
        var configMap = new ProtoWriter()
            .Message(1, m => m.String(1, "x").String(15, string.Empty))
            .Varint(90, 0)
            .String(91, string.Empty)
            .Message(92, z => z.Varint(1, 0).String(2, string.Empty).Message(3, _ => { }))
            .Fixed32(93, 0);

        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "ConfigMap", configMap));

        decoded["metadata"]!["name"]!.GetValue<string>().Should().Be("x");
    }

    [Fact]
    public void Unknown_Fields_Holding_Values_Are_Refused_With_Their_Place()
    {
        var deployment = new ProtoWriter()
            .Message(1, m => m.String(1, "web"))
            .Message(2, spec => spec.Message(3, template => template.Message(2, pod => pod.Message(34, e => e.Message(1, c => c.String(1, "debug"))))));

        var decode = () => KubeProtobuf.Decode(ProtoWriter.Envelope("apps/v1", "Deployment", deployment));

        var error = decode.Should().Throw<UnsupportedProtobufBodyException>().Which;
        error.ApiVersion.Should().Be("apps/v1");
        error.Kind.Should().Be("Deployment");
        error.FieldPath.Should().Be("field 34 of core.v1.PodSpec at spec.template.spec");
        error.Message.Should().EndWith("use -o json or kubectl apply");
    }

    [Fact]
    public void Unknown_Kinds_Are_Refused_With_Their_ApiVersion_And_Kind()
    {
        var decode = () => KubeProtobuf.Decode(ProtoWriter.Envelope("apps/v1", "StatefulSet", new ProtoWriter().Message(1, m => m.String(1, "db"))));

        var error = decode.Should().Throw<UnsupportedProtobufBodyException>().Which;
        error.ApiVersion.Should().Be("apps/v1");
        error.Kind.Should().Be("StatefulSet");
        error.FieldPath.Should().BeNull();
        error.Message.Should().Be("protobuf body of kind StatefulSet (apps/v1) is not supported by the dev API server; use -o json or kubectl apply");
    }

    [Fact]
    public void A_Body_Without_The_Magic_Prefix_Is_Invalid()
    {
        var decode = () => KubeProtobuf.Decode("""{"kind":"ConfigMap"}"""u8);

        decode.Should().Throw<InvalidProtobufBodyException>().WithMessage("*k8s*");
    }

    [Fact]
    public void A_Truncated_Body_Is_Invalid()
    {
        var body = KubectlCases.Body("deployment");

        var decode = () => KubeProtobuf.Decode(body.AsSpan(0, body.Length - 20));

        decode.Should().Throw<InvalidProtobufBodyException>();
    }

    [Fact]
    public void A_Field_With_The_Wrong_Wire_Type_Is_Invalid()
    {
        var decode = () => KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, m => m.Varint(1, 7))));

        decode.Should().Throw<InvalidProtobufBodyException>().WithMessage("*metadata.name*");
    }

    [Fact]
    public void An_Envelope_Without_TypeMeta_Is_Invalid()
    {
        var decode = () => KubeProtobuf.Decode([.. "k8s\0"u8.ToArray(), .. new ProtoWriter().Bytes(2, [0x0A, 0x00]).ToArray()]);

        decode.Should().Throw<InvalidProtobufBodyException>().WithMessage("*apiVersion and kind*");
    }

    [Fact]
    public void A_Compressed_Envelope_Is_Invalid()
    {
        var unknown = new ProtoWriter().Message(1, t => t.String(1, "v1").String(2, "ConfigMap")).Bytes(2, []).String(3, "gzip");

        var decode = () => KubeProtobuf.Decode([.. "k8s\0"u8.ToArray(), .. unknown.ToArray()]);

        decode.Should().Throw<InvalidProtobufBodyException>().WithMessage("*gzip*");
    }
}
