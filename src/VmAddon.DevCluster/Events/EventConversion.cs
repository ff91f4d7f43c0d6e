using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Events;

/// <summary>
/// Converts Events between core/v1 and events.k8s.io/v1 as kube-apiserver does (pkg/apis/events/v1/conversion.go through the internal type):
/// involvedObject ↔ regarding, message ↔ note, source ↔ deprecatedSource, firstTimestamp/lastTimestamp/count ↔ the deprecated* fields,
/// and eventTime, series, action, related, reason, type, reportingController (core's JSON name: reportingComponent) and reportingInstance as they are.
/// The result is the target version as Go serialises it: its field order, timestamps re-formatted, unset timestamps as null, and the fields without omitempty present.
/// </summary>
public static class EventConversion
{
    private const string CoreApiVersion = "v1";
    private const string EventsApiVersion = "events.k8s.io/v1";

    /// <summary>The events.k8s.io/v1 form of a core/v1 Event.</summary>
    public static JsonObject ToEventsV1(JsonObject coreEvent)
    {
        ArgumentNullException.ThrowIfNull(coreEvent);
        var e = Read(coreEvent, core: true);
        var result = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = EventsApiVersion,
            ["metadata"] = e.Metadata,
            ["eventTime"] = MicroTime(e.EventTime),
        };
        if (e.Series is { } series)
        {
            result["series"] = new JsonObject { ["count"] = series.Count, ["lastObservedTime"] = MicroTime(series.LastObservedTime) };
        }

        AddIfSet(result, "reportingController", e.ReportingController);
        AddIfSet(result, "reportingInstance", e.ReportingInstance);
        AddIfSet(result, "action", e.Action);
        AddIfSet(result, "reason", e.Reason);
        result["regarding"] = e.Regarding;
        if (e.Related is not null)
        {
            result["related"] = e.Related;
        }

        AddIfSet(result, "note", e.Message);
        AddIfSet(result, "type", e.Type);
        result["deprecatedSource"] = e.Source;
        result["deprecatedFirstTimestamp"] = Time(e.FirstTimestamp);
        result["deprecatedLastTimestamp"] = Time(e.LastTimestamp);
        if (e.Count != 0)
        {
            result["deprecatedCount"] = e.Count;
        }

        return result;
    }

    /// <summary>The core/v1 form of an events.k8s.io/v1 Event.</summary>
    public static JsonObject ToCoreV1(JsonObject eventsV1Event)
    {
        ArgumentNullException.ThrowIfNull(eventsV1Event);
        var e = Read(eventsV1Event, core: false);
        var result = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = CoreApiVersion,
            ["metadata"] = e.Metadata,
            ["involvedObject"] = e.Regarding,
        };
        AddIfSet(result, "reason", e.Reason);
        AddIfSet(result, "message", e.Message);
        result["source"] = e.Source;
        result["firstTimestamp"] = Time(e.FirstTimestamp);
        result["lastTimestamp"] = Time(e.LastTimestamp);
        if (e.Count != 0)
        {
            result["count"] = e.Count;
        }

        AddIfSet(result, "type", e.Type);
        result["eventTime"] = MicroTime(e.EventTime);
        if (e.Series is { } series)
        {
            // core/v1's EventSeries fields are omitempty; events.k8s.io/v1's are not.
            var coreSeries = new JsonObject();
            if (series.Count != 0)
            {
                coreSeries["count"] = series.Count;
            }

            coreSeries["lastObservedTime"] = MicroTime(series.LastObservedTime);
            result["series"] = coreSeries;
        }

        AddIfSet(result, "action", e.Action);
        if (e.Related is not null)
        {
            result["related"] = e.Related;
        }

        result["reportingComponent"] = e.ReportingController;
        result["reportingInstance"] = e.ReportingInstance;
        return result;
    }

    /// <summary>Reads either version into the fields of the internal Event, as Go would decode it.</summary>
    private static InternalEvent Read(JsonObject source, bool core)
    {
        var series = source["series"] is JsonObject s ? new InternalSeries(Int32(s["count"]), Timestamp(s["lastObservedTime"])) : null;
        return new InternalEvent(
            Metadata: source["metadata"] is JsonObject metadata ? metadata.DeepClone().AsObject() : [],
            Regarding: ObjectReference(source[core ? "involvedObject" : "regarding"]),
            Related: source["related"] is JsonObject related ? ObjectReference(related) : null,
            Reason: String(source["reason"]),
            Message: String(source[core ? "message" : "note"]),
            Source: EventSource(source[core ? "source" : "deprecatedSource"]),
            FirstTimestamp: Timestamp(source[core ? "firstTimestamp" : "deprecatedFirstTimestamp"]),
            LastTimestamp: Timestamp(source[core ? "lastTimestamp" : "deprecatedLastTimestamp"]),
            Count: Int32(source[core ? "count" : "deprecatedCount"]),
            Type: String(source["type"]),
            EventTime: Timestamp(source["eventTime"]),
            Series: series,
            Action: String(source["action"]),
            ReportingController: String(source[core ? "reportingComponent" : "reportingController"]),
            ReportingInstance: String(source["reportingInstance"]));
    }

    /// <summary>An ObjectReference with its fields in Go's order, empty ones left out (all are omitempty).</summary>
    private static JsonObject ObjectReference(JsonNode? node)
    {
        var reference = new JsonObject();
        foreach (var field in (string[])["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"])
        {
            AddIfSet(reference, field, String(node?[field]));
        }

        return reference;
    }

    private static JsonObject EventSource(JsonNode? node)
    {
        var source = new JsonObject();
        AddIfSet(source, "component", String(node?["component"]));
        AddIfSet(source, "host", String(node?["host"]));
        return source;
    }

    private static void AddIfSet(JsonObject target, string name, string value)
    {
        if (value.Length > 0)
        {
            target[name] = value;
        }
    }

    private static string String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    private static int Int32(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && int.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static DateTimeOffset? Timestamp(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    /// <summary>metav1.Time as Go writes it: UTC, whole seconds; null when unset.</summary>
    private static JsonNode? Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;

    /// <summary>metav1.MicroTime as Go writes it: UTC with six fractional digits; null when unset.</summary>
    private static JsonNode? MicroTime(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) : null;

    private sealed record InternalSeries(int Count, DateTimeOffset? LastObservedTime);

    private sealed record InternalEvent(
        JsonObject Metadata,
        JsonObject Regarding,
        JsonObject? Related,
        string Reason,
        string Message,
        JsonObject Source,
        DateTimeOffset? FirstTimestamp,
        DateTimeOffset? LastTimestamp,
        int Count,
        string Type,
        DateTimeOffset? EventTime,
        InternalSeries? Series,
        string Action,
        string ReportingController,
        string ReportingInstance);
}
