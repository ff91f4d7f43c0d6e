using System.Text.Json.Nodes;
using VmAddon.DevCluster.Events;

namespace VmAddon.DevCluster.Tables;

/// <summary>
/// Events as kube-apiserver prints them (printEvent): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE and, wide, SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME.
/// events.k8s.io/v1 Events share the core storage and printer, so they are converted to core/v1 first.
/// </summary>
internal sealed class EventRowPrinter(bool eventsV1) : RowPrinter
{
    private static readonly IReadOnlyList<TableColumn> _columns =
    [
        new("Last Seen", "string", ColumnDescriptions.EventLastTimestamp),
        new("Type", "string", ColumnDescriptions.EventType),
        new("Reason", "string", ColumnDescriptions.EventReason),
        new("Object", "string", ColumnDescriptions.EventInvolvedObject),
        new("Subobject", "string", ColumnDescriptions.FieldPath, Priority: 1),
        new("Source", "string", ColumnDescriptions.EventSource, Priority: 1),
        new("Message", "string", ColumnDescriptions.EventMessage),
        new("First Seen", "string", ColumnDescriptions.EventFirstTimestamp, Priority: 1),
        new("Count", "string", ColumnDescriptions.EventCount, Priority: 1),
        new("Name", "string", ColumnDescriptions.Name, Priority: 1, Format: "name"),
    ];

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override JsonArray Cells(JsonObject obj, DateTimeOffset now)
    {
        var e = eventsV1 ? EventConversion.ToCoreV1(obj) : obj;

        var firstTimestamp = JsonFields.Time(e, "firstTimestamp") is { } first
            ? HumanDuration.Since(first, now)
            : HumanDuration.Since(JsonFields.Time(e, "eventTime"), now);
        var lastTimestamp = JsonFields.Time(e, "lastTimestamp") is { } last ? HumanDuration.Since(last, now) : firstTimestamp;

        var count = JsonFields.Integer(e, "count");
        if (JsonFields.Object(e, "series") is { } series)
        {
            lastTimestamp = HumanDuration.Since(JsonFields.Time(series, "lastObservedTime"), now);
            count = JsonFields.Integer(series, "count");
        }
        else if (count == 0)
        {
            // Singleton events don't have a count set in the new API.
            count = 1;
        }

        var kind = JsonFields.String(e, "involvedObject", "kind").ToLowerInvariant();
        var name = JsonFields.String(e, "involvedObject", "name");
        return
        [
            lastTimestamp,
            JsonFields.String(e, "type"),
            JsonFields.String(e, "reason"),
            name.Length > 0 ? kind + "/" + name : kind,
            JsonFields.String(e, "involvedObject", "fieldPath"),
            Source(e),
            JsonFields.String(e, "message").Trim(),
            firstTimestamp,
            count,
            Name(e),
        ];
    }

    /// <summary>formatEventSource: component (or reportingController) and, when known, host (or reportingInstance), comma-separated.</summary>
    private static string Source(JsonObject e)
    {
        var component = FirstNonEmpty(JsonFields.String(e, "source", "component"), JsonFields.String(e, "reportingComponent"));
        var instance = FirstNonEmpty(JsonFields.String(e, "source", "host"), JsonFields.String(e, "reportingInstance"));
        return instance.Length == 0 ? component : component + ", " + instance;
    }

    private static string FirstNonEmpty(string first, string second) => first.Length > 0 ? first : second;
}
