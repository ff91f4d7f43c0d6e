using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Turns one object into the cells of a table row, like one of kube-apiserver's table convertors.</summary>
internal abstract class RowPrinter
{
    /// <summary>Every column, wide ones included: kube-apiserver always prints wide and lets kubectl hide priority-1 columns.</summary>
    public abstract IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Whether an empty list gives <c>"rows": null</c>, as rest.NewDefaultTableConvertor does, rather than <c>[]</c>.</summary>
    public virtual bool NullRowsWhenEmpty => false;

    /// <summary>One cell per column: strings, int64s, booleans, doubles or null.</summary>
    public abstract JsonArray Cells(JsonObject obj, DateTimeOffset now);

    /// <summary>The row's TableRowConditions, when the printer sets any (pods that have finished).</summary>
    public virtual JsonArray? Conditions(JsonObject obj) => null;

    protected static string Name(JsonObject obj) => JsonFields.String(obj, "metadata", "name");

    protected static string Age(JsonObject obj, DateTimeOffset now) => HumanDuration.Since(JsonFields.Time(obj, "metadata", "creationTimestamp"), now);

    protected static string OrNone(string value) => value.Length == 0 ? "<none>" : value;

    /// <summary>Go's <c>labels.FormatLabels</c>: sorted <c>k=v</c> pairs joined by commas, or <c>&lt;none&gt;</c>.</summary>
    protected static string FormatLabels(JsonNode? map) =>
        OrNone(string.Join(",", JsonFields.StringMap(map).Select(p => p.Key + "=" + p.Value)));
}
