using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Events;

namespace VmAddon.DevCluster.Tests.Events;

public sealed class EventConversionTests
{
    private static readonly JsonSerializerOptions _readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A kubelet-style core/v1 Event, as kube-apiserver returns it.</summary>
    private const string CoreEvent = """
        {"kind":"Event","apiVersion":"v1",
         "metadata":{"name":"launcher-abc.17a1","namespace":"default","uid":"e-1","resourceVersion":"91","creationTimestamp":"2026-03-04T11:59:00Z"},
         "involvedObject":{"kind":"Pod","namespace":"default","name":"launcher-abc","uid":"p-1","apiVersion":"v1","resourceVersion":"80","fieldPath":"spec.containers{compute}"},
         "reason":"Pulled","message":"Container image already present on machine","source":{"component":"kubelet","host":"node-1"},
         "firstTimestamp":"2026-03-04T11:48:00Z","lastTimestamp":"2026-03-04T11:59:20Z","count":4,"type":"Normal",
         "eventTime":null,"reportingComponent":"kubelet","reportingInstance":"node-1"}
        """;

    /// <summary>A new-style events.k8s.io/v1 Event with a series and a related object, as kube-apiserver returns it.</summary>
    private const string EventsV1Event = """
        {"kind":"Event","apiVersion":"events.k8s.io/v1",
         "metadata":{"name":"vmi.2","namespace":"default","uid":"e-2","resourceVersion":"93","creationTimestamp":"2026-03-04T11:00:00Z"},
         "eventTime":"2026-03-04T11:00:00.123456Z","series":{"count":3,"lastObservedTime":"2026-03-04T11:30:00.000001Z"},
         "reportingController":"vmaddon.io/agent","reportingInstance":"agent-node-1","action":"Migrate","reason":"Migrated",
         "regarding":{"kind":"VirtualMachineInstance","namespace":"default","name":"vmi","apiVersion":"vmaddon.io/v1alpha1"},
         "related":{"kind":"Node","name":"node-2"},"note":"Migrated to node-2","type":"Normal",
         "deprecatedSource":{},"deprecatedFirstTimestamp":null,"deprecatedLastTimestamp":null}
        """;

    [Fact]
    public void ToEventsV1_Maps_Core_Fields_To_Their_New_Names()
    {
        var converted = EventConversion.ToEventsV1(Parse(CoreEvent));

        Json(converted).Should().Be("""
            {"kind":"Event","apiVersion":"events.k8s.io/v1","metadata":{"name":"launcher-abc.17a1","namespace":"default","uid":"e-1","resourceVersion":"91","creationTimestamp":"2026-03-04T11:59:00Z"},"eventTime":null,"reportingController":"kubelet","reportingInstance":"node-1","reason":"Pulled","regarding":{"kind":"Pod","namespace":"default","name":"launcher-abc","uid":"p-1","apiVersion":"v1","resourceVersion":"80","fieldPath":"spec.containers{compute}"},"note":"Container image already present on machine","type":"Normal","deprecatedSource":{"component":"kubelet","host":"node-1"},"deprecatedFirstTimestamp":"2026-03-04T11:48:00Z","deprecatedLastTimestamp":"2026-03-04T11:59:20Z","deprecatedCount":4}
            """.Trim());
    }

    [Fact]
    public void ToCoreV1_Maps_New_Fields_To_Their_Core_Names_And_Keeps_Series_Action_And_Related()
    {
        var converted = EventConversion.ToCoreV1(Parse(EventsV1Event));

        Json(converted).Should().Be("""
            {"kind":"Event","apiVersion":"v1","metadata":{"name":"vmi.2","namespace":"default","uid":"e-2","resourceVersion":"93","creationTimestamp":"2026-03-04T11:00:00Z"},"involvedObject":{"kind":"VirtualMachineInstance","namespace":"default","name":"vmi","apiVersion":"vmaddon.io/v1alpha1"},"reason":"Migrated","message":"Migrated to node-2","source":{},"firstTimestamp":null,"lastTimestamp":null,"type":"Normal","eventTime":"2026-03-04T11:00:00.123456Z","series":{"count":3,"lastObservedTime":"2026-03-04T11:30:00.000001Z"},"action":"Migrate","related":{"kind":"Node","name":"node-2"},"reportingComponent":"vmaddon.io/agent","reportingInstance":"agent-node-1"}
            """.Trim());
    }

    [Fact]
    public void A_Core_Event_Survives_A_Round_Trip_Through_Events_V1()
    {
        var core = Parse(CoreEvent);

        Json(EventConversion.ToCoreV1(EventConversion.ToEventsV1(core))).Should().Be(Json(core));
    }

    [Fact]
    public void An_Events_V1_Event_Survives_A_Round_Trip_Through_Core()
    {
        var v1 = Parse(EventsV1Event);

        Json(EventConversion.ToEventsV1(EventConversion.ToCoreV1(v1))).Should().Be(Json(v1));
    }

    [Fact]
    public void A_Sparse_Event_Gets_The_Fields_Go_Always_Writes()
    {
        var converted = EventConversion.ToCoreV1(Parse("""{"metadata":{"name":"e"},"note":"hi"}"""));

        Json(converted).Should().Be("""
            {"kind":"Event","apiVersion":"v1","metadata":{"name":"e"},"involvedObject":{},"message":"hi","source":{},"firstTimestamp":null,"lastTimestamp":null,"eventTime":null,"reportingComponent":"","reportingInstance":""}
            """.Trim());
    }

    [Fact]
    public void Timestamps_Are_Rewritten_As_Go_Writes_Them_And_Zero_Counts_Dropped()
    {
        var converted = EventConversion.ToEventsV1(Parse("""
            {"metadata":{"name":"e"},"firstTimestamp":"2026-03-04T13:00:00.75+01:00","count":0,"eventTime":"2026-03-04T12:00:00Z","series":{"lastObservedTime":"2026-03-04T12:00:01.5Z"}}
            """));

        ((string?)converted["deprecatedFirstTimestamp"]).Should().Be("2026-03-04T12:00:00Z");
        ((string?)converted["eventTime"]).Should().Be("2026-03-04T12:00:00.000000Z");
        Json(converted["series"]).Should().Be("""{"count":0,"lastObservedTime":"2026-03-04T12:00:01.500000Z"}""");
        converted.ContainsKey("deprecatedCount").Should().BeFalse();
    }

    [Fact]
    public void Conversion_Does_Not_Share_Nodes_With_The_Input()
    {
        var core = Parse(CoreEvent);

        var converted = EventConversion.ToEventsV1(core);
        converted["metadata"]!["name"] = "changed";

        ((string?)core["metadata"]!["name"]).Should().Be("launcher-abc.17a1");
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Json(JsonNode? node) => node?.ToJsonString(_readable) ?? "null";
}
