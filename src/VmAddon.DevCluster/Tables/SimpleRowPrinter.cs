using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>A printer whose cells are a plain function of the object.</summary>
internal sealed class SimpleRowPrinter(IReadOnlyList<TableColumn> columns, Func<JsonObject, DateTimeOffset, JsonArray> cells) : RowPrinter
{
    public override IReadOnlyList<TableColumn> Columns => columns;

    public override JsonArray Cells(JsonObject obj, DateTimeOffset now) => cells(obj, now);
}
